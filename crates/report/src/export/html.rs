//! The printable HTML of a report, in the official layout.
