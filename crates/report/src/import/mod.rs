//! Reading a published report (HTML, text copied from a page, text extracted from a PDF).
