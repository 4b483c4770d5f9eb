//! Derived totals: fill every total cell from its parts, for the editor's auto-total mode.
