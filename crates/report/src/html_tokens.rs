//! A small HTML tokenizer: start tags with their attributes, end tags and text, with entities
//! decoded and script/style content kept raw.
//!
//! Written here rather than taken from html5gum: the importer and the clipboard need only these
//! three tokens, and html5gum's full state machine and named-entity table cost about 150 KB of
//! the app's WebAssembly (measured; a third of the whole download). The rules followed are the
//! WHATWG tokenizer's where they matter for tables copied from web pages and office programs:
//! lowercase names, quoted and unquoted attribute values, comments and doctypes skipped, raw
//! text in `<script>` and `<style>`, escapable raw text in `<title>` and `<textarea>`, numeric
//! references and the named references such pages use.

/// A tag's attributes, in the order written; the first of a repeated name wins (as in browsers).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attributes(Vec<(Vec<u8>, Vec<u8>)>);

impl Attributes {
    pub fn get(&self, name: &[u8]) -> Option<&Vec<u8>> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// A `colspan` or `rowspan`: at least 1, at most `max`; 1 when absent or not a number.
    pub fn span(&self, name: &[u8], max: usize) -> usize {
        self.get(name)
            .and_then(|v| std::str::from_utf8(v).ok())
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|v| *v >= 1)
            .map_or(1, |v| v.min(max))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tag {
    /// ASCII-lowercased.
    pub name: Vec<u8>,
    pub attributes: Attributes,
    pub self_closing: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    StartTag(Tag),
    EndTag(Tag),
    /// Text with character references decoded (raw in script and style).
    String(Vec<u8>),
}

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: [&[u8]; 4] = [b"script", b"style", b"xmp", b"noembed"];
/// Like raw text, but character references are decoded.
const ESCAPABLE_RAW_TEXT: [&[u8]; 2] = [b"title", b"textarea"];

/// The tokens of `input`, in order. Never panics; malformed markup is read as browsers do in
/// the cases that matter here, or as text.
pub fn tokenize(input: &str) -> Vec<Token> {
    Tokenizer {
        bytes: input.as_bytes(),
        at: 0,
        tokens: Vec::new(),
    }
    .run()
}

/// The tokens of `input` without the elements named in `skipped` (their tags and everything
/// inside them, nested ones included): the script, style and other content that is not the
/// page's text.
pub fn tokenize_without(input: &str, skipped: &[&[u8]]) -> Vec<Token> {
    let mut kept = Vec::new();
    let mut skipping: Option<(Vec<u8>, usize)> = None;
    for token in tokenize(input) {
        match (&token, skipping.as_mut()) {
            (Token::StartTag(tag), Some((name, depth))) => {
                if tag.name == *name && !tag.self_closing {
                    *depth += 1;
                }
            }
            (Token::EndTag(tag), Some((name, depth))) => {
                if tag.name == *name {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                }
            }
            (_, Some(_)) => {}
            (Token::StartTag(tag), None) if skipped.contains(&tag.name.as_slice()) => {
                if !tag.self_closing {
                    skipping = Some((tag.name.clone(), 1));
                }
            }
            (_, None) => kept.push(token),
        }
    }
    kept
}

struct Tokenizer<'a> {
    bytes: &'a [u8],
    at: usize,
    tokens: Vec<Token>,
}

impl Tokenizer<'_> {
    fn run(mut self) -> Vec<Token> {
        let mut text_start = 0;
        while self.at < self.bytes.len() {
            if self.bytes[self.at] != b'<' {
                self.at += 1;
                continue;
            }
            let before = self.at;
            let next = self.bytes.get(before + 1).copied();
            let markup = match next {
                Some(c) if c.is_ascii_alphabetic() => true,
                Some(b'/') => self
                    .bytes
                    .get(before + 2)
                    .is_some_and(|c| c.is_ascii_alphabetic()),
                Some(b'!') | Some(b'?') => true,
                _ => false,
            };
            if !markup {
                self.at += 1;
                continue;
            }
            self.push_text(text_start, before);
            match next {
                Some(b'!') | Some(b'?') => self.skip_comment(),
                Some(b'/') => self.end_tag(),
                _ => self.start_tag(),
            }
            text_start = self.at;
        }
        self.push_text(text_start, self.bytes.len());
        self.tokens
    }

    fn push_text(&mut self, from: usize, to: usize) {
        if from < to {
            let text = decode_references(&self.bytes[from..to]);
            match self.tokens.last_mut() {
                Some(Token::String(previous)) => previous.extend_from_slice(&text),
                _ => self.tokens.push(Token::String(text)),
            }
        }
    }

    /// `<!-- … -->`, `<!DOCTYPE …>`, `<![CDATA[…]]>` and `<? … >`: nothing a table needs.
    fn skip_comment(&mut self) {
        let rest = &self.bytes[self.at..];
        let end = if rest.starts_with(b"<!--") {
            find(rest, 4, b"-->").map(|i| i + 3)
        } else {
            find(rest, 2, b">").map(|i| i + 1)
        };
        self.at += end.unwrap_or(rest.len());
    }

    fn name(&mut self) -> Vec<u8> {
        let start = self.at;
        while self.at < self.bytes.len()
            && !matches!(
                self.bytes[self.at],
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
            )
        {
            self.at += 1;
        }
        self.bytes[start..self.at].to_ascii_lowercase()
    }

    fn skip_space(&mut self) {
        while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn end_tag(&mut self) {
        self.at += 2;
        let name = self.name();
        // Whatever follows the name up to `>` is ignored, as browsers do.
        match find(self.bytes, self.at, b">") {
            Some(end) => {
                self.at = end + 1;
                self.tokens.push(Token::EndTag(Tag {
                    name,
                    ..Tag::default()
                }));
            }
            None => self.at = self.bytes.len(),
        }
    }

    fn start_tag(&mut self) {
        self.at += 1;
        let mut tag = Tag {
            name: self.name(),
            ..Tag::default()
        };
        loop {
            self.skip_space();
            match self.bytes.get(self.at) {
                // A tag cut off by the end of the input is dropped, as browsers do.
                None => return,
                Some(b'>') => {
                    self.at += 1;
                    break;
                }
                Some(b'/') => {
                    self.at += 1;
                    if self.bytes.get(self.at) == Some(&b'>') {
                        tag.self_closing = true;
                    }
                }
                Some(_) => self.attribute(&mut tag.attributes),
            }
        }
        let name = tag.name.clone();
        let self_closing = tag.self_closing;
        self.tokens.push(Token::StartTag(tag));
        if self_closing {
            return;
        }
        let raw = RAW_TEXT.contains(&name.as_slice());
        if raw || ESCAPABLE_RAW_TEXT.contains(&name.as_slice()) {
            self.raw_text(&name, !raw);
        }
    }

    fn attribute(&mut self, attributes: &mut Attributes) {
        let start = self.at;
        // The first character may be `=` (then it is part of the name, per the spec).
        self.at += 1;
        while self.at < self.bytes.len()
            && !matches!(
                self.bytes[self.at],
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>' | b'='
            )
        {
            self.at += 1;
        }
        let name = self.bytes[start..self.at].to_ascii_lowercase();
        self.skip_space();
        let mut value = Vec::new();
        if self.bytes.get(self.at) == Some(&b'=') {
            self.at += 1;
            self.skip_space();
            match self.bytes.get(self.at).copied() {
                Some(quote @ (b'"' | b'\'')) => {
                    let end = find(self.bytes, self.at + 1, &[quote]).unwrap_or(self.bytes.len());
                    value = decode_references(&self.bytes[self.at + 1..end]);
                    self.at = (end + 1).min(self.bytes.len());
                }
                _ => {
                    let start = self.at;
                    while self.at < self.bytes.len()
                        && !self.bytes[self.at].is_ascii_whitespace()
                        && self.bytes[self.at] != b'>'
                    {
                        self.at += 1;
                    }
                    value = decode_references(&self.bytes[start..self.at]);
                }
            }
        }
        if attributes.get(&name).is_none() {
            attributes.0.push((name, value));
        }
    }

    /// Text up to `</name` followed by a space, `/` or `>`, in any case.
    fn raw_text(&mut self, name: &[u8], decode: bool) {
        let start = self.at;
        let mut at = start;
        let end = loop {
            let Some(found) = find(self.bytes, at, b"</") else {
                break self.bytes.len();
            };
            let after = found + 2 + name.len();
            let matches = self
                .bytes
                .get(found + 2..after)
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name))
                && self
                    .bytes
                    .get(after)
                    .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'));
            if matches {
                break found;
            }
            at = found + 2;
        };
        if start < end {
            let text = &self.bytes[start..end];
            let text = if decode {
                decode_references(text)
            } else {
                text.to_vec()
            };
            self.tokens.push(Token::String(text));
        }
        self.at = end;
    }
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|i| from + i)
}

/// Named references of pages and office programs. Browsers know about 2,000; these are the
/// ones that turn up in reports, their tables and the clipboard.
const NAMED: [(&str, char); 32] = [
    ("nbsp", '\u{a0}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("shy", '\u{ad}'),
    ("middot", '·'),
    ("bull", '•'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("minus", '−'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("hellip", '…'),
    ("times", '×'),
    ("divide", '÷'),
    ("yen", '¥'),
    ("copy", '©'),
    ("reg", '®'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("permil", '‰'),
];

/// The few references browsers also accept without their `;` (legacy pages write `&nbsp`).
const WITHOUT_SEMICOLON: [&str; 5] = ["nbsp", "amp", "lt", "gt", "quot"];

fn decode_references(text: &[u8]) -> Vec<u8> {
    if !text.contains(&b'&') {
        return text.to_vec();
    }
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        if text[at] == b'&' {
            if let Some((c, used)) = reference(&text[at + 1..]) {
                let mut buffer = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                at += 1 + used;
                continue;
            }
        }
        out.push(text[at]);
        at += 1;
    }
    out
}

/// The character a reference (after its `&`) stands for, and how many bytes it used.
fn reference(rest: &[u8]) -> Option<(char, usize)> {
    if let Some(numeric) = rest.strip_prefix(b"#") {
        let (digits, radix, skip) = match numeric.first() {
            Some(b'x' | b'X') => (&numeric[1..], 16, 2),
            _ => (numeric, 10, 1),
        };
        let len = digits
            .iter()
            .take_while(|c| char::from(**c).is_digit(radix))
            .count();
        if len == 0 {
            return None;
        }
        // Out of range, zero or a surrogate: the replacement character, as browsers show.
        let code = std::str::from_utf8(&digits[..len])
            .ok()
            .and_then(|d| u32::from_str_radix(d, radix).ok())
            .unwrap_or(0);
        let c = match code {
            0 => '\u{fffd}',
            code => char::from_u32(code).unwrap_or('\u{fffd}'),
        };
        let semicolon = usize::from(digits.get(len) == Some(&b';'));
        return Some((c, skip + len + semicolon));
    }
    let len = rest
        .iter()
        .take(10)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let name = std::str::from_utf8(&rest[..len]).ok()?;
    let c = NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)?;
    if rest.get(len) == Some(&b';') {
        Some((c, len + 1))
    } else if WITHOUT_SEMICOLON.contains(&name) {
        Some((c, len))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(name: &str, attributes: &[(&str, &str)]) -> Token {
        Token::StartTag(Tag {
            name: name.as_bytes().to_vec(),
            attributes: Attributes(
                attributes
                    .iter()
                    .map(|(n, v)| (n.as_bytes().to_vec(), v.as_bytes().to_vec()))
                    .collect(),
            ),
            self_closing: false,
        })
    }
    fn end(name: &str) -> Token {
        Token::EndTag(Tag {
            name: name.as_bytes().to_vec(),
            ..Tag::default()
        })
    }
    fn text(s: &str) -> Token {
        Token::String(s.as_bytes().to_vec())
    }

    #[test]
    fn cells_with_spans_in_all_three_quotings() {
        let tokens = tokenize("<TD ROWSPAN=\"3\" colspan='2' class=x>713</td><td rowspan=2>");
        assert_eq!(
            tokens,
            vec![
                start("td", &[("rowspan", "3"), ("colspan", "2"), ("class", "x")]),
                text("713"),
                end("td"),
                start("td", &[("rowspan", "2")]),
            ]
        );
    }

    #[test]
    fn references_comments_and_doctype() {
        let tokens = tokenize("<!DOCTYPE html><!-- <td>not a cell</td> -->1&nbsp;295&amp;&#20013;&#x6587;&nbsp&lt;b&gt;&unknown; &");
        assert_eq!(tokens, vec![text("1\u{a0}295&中文\u{a0}<b>&unknown; &")]);
    }

    #[test]
    fn script_and_style_text_is_not_markup() {
        let tokens = tokenize("<style>td{}</style><script>if (a<b) x='</td>'</script><td>1</td>");
        assert_eq!(
            tokens,
            vec![
                start("style", &[]),
                text("td{}"),
                end("style"),
                start("script", &[]),
                text("if (a<b) x='</td>'"),
                end("script"),
                start("td", &[]),
                text("1"),
                end("td"),
            ]
        );
        let title = tokenize("<title>A &amp; <b>B</b></title>");
        assert_eq!(title[1], text("A & <b>B</b>"));
    }

    #[test]
    fn skipped_elements_go_with_everything_inside_them() {
        let tokens = tokenize_without(
            "<td>1</td><svg><svg><td>x</td></svg><td>y</td></svg><style>td{}</style><td rowspan=300>2</td>",
            &[b"svg", b"style"],
        );
        assert_eq!(
            tokens,
            vec![
                start("td", &[]),
                text("1"),
                end("td"),
                start("td", &[("rowspan", "300")]),
                text("2"),
                end("td"),
            ]
        );
        let Token::StartTag(cell) = &tokens[3] else {
            unreachable!()
        };
        assert_eq!(cell.attributes.span(b"rowspan", 256), 256);
        assert_eq!(cell.attributes.span(b"colspan", 64), 1);
    }

    #[test]
    fn broken_markup_never_panics_and_stays_text() {
        for input in [
            "<",
            "a < b",
            "<td",
            "<td rowspan=\"3",
            "</",
            "</td",
            "<!--",
            "&#",
            "&#x;",
            "&#99999999999;",
            "<a/>",
            "<!",
            "< td>",
        ] {
            let tokens = tokenize(input);
            let shown: Vec<u8> = tokens
                .iter()
                .filter_map(|t| match t {
                    Token::String(s) => Some(s.clone()),
                    _ => None,
                })
                .flatten()
                .collect();
            assert!(shown.len() <= input.len() * 3, "{input:?}");
        }
        assert_eq!(tokenize("a < b"), vec![text("a < b")]);
        assert_eq!(tokenize("< td>"), vec![text("< td>")]);
        assert!(matches!(&tokenize("<br/>")[0], Token::StartTag(t) if t.self_closing));
    }
}
