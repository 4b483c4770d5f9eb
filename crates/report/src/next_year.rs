//! Next year's draft from this year's report.
