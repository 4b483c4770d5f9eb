//! The JSON exchange format, version 1 (spec §8), with migrations of older versions.
