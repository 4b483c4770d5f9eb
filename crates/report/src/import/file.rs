//! A file handed in by the user, told apart by what it holds rather than by its name: a report
//! JSON (any known version), a draft as the app stores it, the text or HTML of a published report,
//! or something else (an image, a PDF, an Office file), refused with a message naming the file.
//!
//! The app's import, its batch check and the `nianbao` command all read files through here.

use crate::drafts::{self as core_drafts, DRAFT_FORMAT};
use crate::export::json;
use crate::model::Report;

/// What a file holds, as far as importing goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileContent {
    /// A report JSON (or a draft as stored): ready to be a draft.
    Report(Box<Report>),
    /// Text or HTML, to be read by the published-report importer (with a preview).
    Published(String),
}

/// Why a file was not imported; the message names the file.
pub type FileProblem = crate::Message;

/// Reads a file's bytes as a report: JSON v1 (any known version), a stored draft, or the text
/// or HTML of a published report. Images, PDFs, Office files and other binaries are refused by
/// what they are, not by their name.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<FileContent, FileProblem> {
    if let Some((kind_zh, kind_en)) = binary_kind(bytes) {
        return Err(FileProblem {
            zh: format!("文件“{name}”是{kind_zh}，不是年报 JSON 文件，未导入。请选择用“导出 JSON”保存的 .json 文件。"),
            en: format!("“{name}” is {kind_en}, not a report JSON file; nothing was imported. Choose a .json file saved with Export JSON."),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| FileProblem {
        zh: format!(
            "文件“{name}”不是 UTF-8 编码的文字（第 {} 个字节处无法读取），未导入。",
            e.valid_up_to() + 1
        ),
        en: format!(
            "“{name}” is not UTF-8 text (unreadable at byte {}); nothing was imported.",
            e.valid_up_to() + 1
        ),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(FileProblem {
            zh: format!("文件“{name}”是空的，未导入。"),
            en: format!("“{name}” is empty; nothing was imported."),
        });
    }
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return Ok(FileContent::Published(text.to_owned()));
    }
    // A stored draft says so in its first field (drafts::encode writes `format` first).
    let head: String = trimmed.chars().take(200).collect();
    let result = if head.contains(DRAFT_FORMAT) {
        core_drafts::decode(text)
            .map(|draft| draft.report)
            .map_err(|e| (e.message.zh, e.message.en))
    } else {
        json::from_json(text).map_err(|e| (e.message.zh, e.message.en))
    };
    result
        .map(|report| FileContent::Report(Box::new(report)))
        .map_err(|(zh, en)| FileProblem {
            zh: format!("文件“{name}”未导入：{zh}"),
            en: format!("“{name}” was not imported: {en}"),
        })
}

/// The character set a page declares in its first 2,048 bytes (`<meta charset="gbk">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`), lower-cased. Pages
/// of government sites saved years ago are often GBK: the app decodes them with the browser's
/// own decoder before reading.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .map(|&b| char::from(b))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Whether `bytes` need decoding from another character set before [`read_file`]: text that is
/// not UTF-8 (a binary file is left for [`read_file`] to name).
pub fn needs_decoding(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_err() && binary_kind(bytes).is_none()
}

/// `bytes` decoded from the character set the page declares, or GB18030 (a superset of GBK and
/// GB2312) when it declares none; None where they are not valid in it. For the `nianbao`
/// command; the browser uses its own decoder.
#[cfg(feature = "legacy-text")]
pub fn decode_legacy(bytes: &[u8]) -> Option<String> {
    let declared = declared_charset(bytes).filter(|label| label != "utf-8" && label != "utf8");
    let label = declared.as_deref().unwrap_or("gb18030");
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
}

/// What a binary file is, from its first bytes.
pub fn binary_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    const KINDS: [(&[u8], &str, &str); 8] = [
        (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"),
        (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
        (b"GIF8", "GIF 图片", "a GIF image"),
        (
            b"%PDF",
            "PDF 文件（请复制其中的文字，用“导入已发布年报”粘贴）",
            "a PDF (copy its text and use Import published report)",
        ),
        (
            b"PK\x03\x04",
            "压缩包或 Office 文档（docx、xlsx 等）",
            "a zip archive or an Office document (docx, xlsx …)",
        ),
        (
            b"\xd0\xcf\x11\xe0",
            "旧版 Office 文档（doc、xls）",
            "an old Office document (doc, xls)",
        ),
        (b"Rar!", "RAR 压缩包", "a RAR archive"),
        (b"BM", "BMP 图片", "a BMP image"),
    ];
    if let Some((_, zh, en)) = KINDS.iter().find(|(magic, _, _)| bytes.starts_with(magic)) {
        return Some((zh, en));
    }
    bytes[..bytes.len().min(4096)]
        .contains(&0)
        .then_some(("二进制文件", "a binary file"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_s_declared_character_set_is_found_in_either_form() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"GBK\">").as_deref(),
            Some("gbk")
        );
        assert_eq!(
            declared_charset(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">"
            )
            .as_deref(),
            Some("gb2312")
        );
        assert_eq!(
            declared_charset(b"<meta charset='utf-8'>").as_deref(),
            Some("utf-8")
        );
        assert_eq!(declared_charset(b"no declaration here"), None);
        assert_eq!(declared_charset(b"charset="), None);
    }

    #[cfg(feature = "legacy-text")]
    #[test]
    fn gbk_is_decoded_declared_or_not() {
        assert_eq!(
            decode_legacy(&[0xc4, 0xea, 0xb1, 0xa8]).as_deref(),
            Some("年报")
        );
        let mut page = b"<meta charset=\"gb2312\">".to_vec();
        page.extend_from_slice(&[0xc4, 0xea, 0xb1, 0xa8]);
        assert_eq!(
            decode_legacy(&page).as_deref(),
            Some("<meta charset=\"gb2312\">年报")
        );
        assert_eq!(decode_legacy(&[0x81, 0x20]), None);
    }

    #[test]
    fn only_text_that_is_not_utf8_needs_decoding() {
        // 「年报」 in GBK.
        assert!(needs_decoding(&[0xc4, 0xea, 0xb1, 0xa8]));
        assert!(!needs_decoding("年报".as_bytes()));
        // A PNG is named by read_file, not decoded.
        assert!(!needs_decoding(b"\x89PNG\r\n\x1a\n\xff\xfe"));
        assert!(!needs_decoding(&[0xff, 0x00, 0xfe]));
    }
}
