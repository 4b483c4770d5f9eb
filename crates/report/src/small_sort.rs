//! Sorting the short lists of the app (drafts, kept texts, a batch's units) without the standard
//! library's sorts: each type sorted with those adds kilobytes of code to the download (about
//! 3 KB of WebAssembly per use), this one a few hundred bytes.

/// A stable insertion sort, `before(a, b)` saying that `a` goes first: for lists of tens or
/// hundreds of items.
pub(crate) fn insertion_sort<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}
