//! The rules of the format (勾稽关系) and the checks a careful reviewer makes.
