//! Page chrome: the words a government website prints around a report — menus, breadcrumbs,
//! the article's metadata (「来源」「发布时间」「浏览次数」), its buttons (「字号 大 中 小」「打印本页」
//! 「关闭窗口」「扫一扫」「分享到」), the footer (「主办单位」「版权所有」, ICP lines) — none of
//! which is the report's text.
//!
//! One vocabulary, read by the importer (which drops such lines) and by the rules (which flag
//! any that still reached a section, so that a draft carrying them is not ready to publish).
//! Every test is about a whole line: a report's own sentence may well name 「打印」 or 「来源」,
//! but it is never only that.

use crate::format;

/// Why a line is page chrome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChromeKind {
    /// 「当前位置：首页 > 政务公开 > 年度报告」
    Breadcrumb,
    /// 「发布时间：2024-01-26 来源：区政府办 浏览次数：123」, 「索引号 620702074/2024-00047」
    Metadata,
    /// 「【字体：大 中 小】【打印本页】【关闭窗口】」, 「扫一扫在手机上查看当前页面」, 「附件下载」
    Buttons,
    /// 「主办单位：…」, 「版权所有」, 「苏ICP备…号」, 「网站标识码…」
    Footer,
    /// 「首页 政务公开 政务服务 互动交流 走进…」: a row of short links.
    Menu,
    /// 「附件：2023年报.pdf」: a link to a file.
    Download,
}

impl ChromeKind {
    /// Whether the line marks the end of the article: what follows on the page (related links,
    /// the footer) is the website's, never the report's.
    pub fn ends_article(self) -> bool {
        matches!(
            self,
            ChromeKind::Buttons | ChromeKind::Footer | ChromeKind::Download
        )
    }
}

/// The keys of an article's metadata (「发布时间：…」, or a key and its value in a row).
const METADATA_KEYS: &[&str] = &[
    "来源",
    "信息来源",
    "文章来源",
    "稿件来源",
    "发布时间",
    "发布日期",
    "发表时间",
    "发表日期",
    "更新时间",
    "更新日期",
    "生成日期",
    "浏览次数",
    "浏览量",
    "阅读次数",
    "阅读量",
    "点击数",
    "点击量",
    "点击次数",
    "访问量",
    "访问次数",
    "作者",
    "责任编辑",
    "编辑",
    "审核",
    "字号",
    "字体",
    "索引号",
    "发文字号",
    "文号",
    "主题分类",
    "体裁分类",
    "组配分类",
    "服务对象分类",
    "公开方式",
    "公开范围",
    "公开形式",
    "公开时限",
    "公开属性",
    "有效性",
    "是否有效",
    "关键词",
    "主题词",
    "所属机构",
    "发布机构",
    "发文机关",
    "成文日期",
    "公开日期",
    "发文日期",
    "信息分类",
    "分类",
    "标题",
    "名称",
];

/// Words of the article's buttons and the site's toolbars, each a whole token of the line.
const BUTTON_WORDS: &[&str] = &[
    "打印",
    "打印本页",
    "打印此页",
    "打印页面",
    "打印文章",
    "打印正文",
    "关闭",
    "关闭窗口",
    "关闭本页",
    "关闭页面",
    "收藏",
    "加入收藏",
    "收藏本页",
    "分享",
    "分享到",
    "返回",
    "返回顶部",
    "回到顶部",
    "返回首页",
    "返回列表",
    "顶部",
    "纠错",
    "我要纠错",
    "扫一扫",
    "附件下载",
    "下载附件",
    "相关附件",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "相关链接",
    "相关文章",
    "相关阅读",
    "相关信息",
    "相关新闻",
    "推荐阅读",
    "字号",
    "字体",
    "大",
    "中",
    "小",
    "默认",
    "放大",
    "缩小",
    "视力保护色",
    "保护视力色",
    "护眼模式",
    "朗读",
    "语音播报",
    "无障碍",
    "无障碍浏览",
    "适老化",
    "长者模式",
    "关怀版",
    "繁体",
    "繁體",
    "简体",
    "English",
    "登录",
    "注册",
    "微信",
    "微博",
    "QQ空间",
    "QQ",
    "手机版",
    "网站地图",
    "联系我们",
    "网站声明",
    "隐私声明",
    "隐私政策",
    "政府网站找错",
    // A browser toolbar saved with the page (搜狗).
    "翻译",
    "搜索",
    "复制",
];

/// Lines that begin with these are buttons whatever follows (「扫一扫在手机上查看当前页面」).
const BUTTON_PREFIXES: &[&str] = &[
    "扫一扫",
    "微信扫一扫",
    "用手机扫描",
    "手机扫描",
    "分享到",
    "上一篇",
    "下一篇",
];

/// A line holding one of these is the site's footer.
const FOOTER_WORDS: &[&str] = &[
    "版权所有",
    "copyright",
    "©",
    "icp备",
    "icp证",
    "公网安备",
    "网站标识码",
    "主办单位:",
    "承办单位:",
    "协办单位:",
    "运维单位:",
    "主办:",
    "承办:",
    "技术支持:",
    "在手机上查看",
    "在手机打开",
    "手机扫码",
];

/// Breadcrumb openings.
const BREADCRUMB_STARTS: &[&str] = &[
    "当前位置",
    "您当前位置",
    "您当前的位置",
    "您现在的位置",
    "您的位置",
    "你的位置",
    "你现在的位置",
    "所在位置",
    "当前页面",
    "位置:",
];

/// Files a page links to as attachments.
const FILE_ENDINGS: &[&str] = &[
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".zip", ".rar",
];

/// Longest line that can be metadata, buttons, a breadcrumb or a menu; a longer one is prose.
const MAX_CHROME_CHARS: usize = 120;
/// Fewest links of a menu line, and the longest link.
const MIN_MENU_LINKS: usize = 5;
const MAX_MENU_LINK_CHARS: usize = 8;

/// Why `line` is page chrome, or None for a line of the report.
pub fn classify(line: &str) -> Option<ChromeKind> {
    let line = line.trim();
    // A cell of numbers, a sentence: most lines of a report are told at once. No chrome has a
    // sentence's 「，」 or 「。」.
    if line.is_empty()
        || line.contains(['。', '，'])
        || line.len() > MAX_CHROME_CHARS * 4
        || !line
            .chars()
            .any(|c| is_cjk(c) || c.is_ascii_alphabetic() || c == '©')
        || line.chars().count() > MAX_CHROME_CHARS
    {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    let squeezed: String = lower
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '：' => ':',
            '＞' | '»' | '›' | '→' => '>',
            _ => c,
        })
        .collect();
    if BUTTON_PREFIXES.iter().any(|w| squeezed.starts_with(w)) {
        return Some(ChromeKind::Buttons);
    }
    if FOOTER_WORDS.iter().any(|w| squeezed.contains(w)) {
        return Some(ChromeKind::Footer);
    }
    if BREADCRUMB_STARTS.iter().any(|w| squeezed.starts_with(w))
        || squeezed.starts_with("首页>")
        || squeezed.starts_with("首页/")
    {
        return Some(ChromeKind::Breadcrumb);
    }
    if is_metadata(line, &squeezed) {
        return Some(ChromeKind::Metadata);
    }
    let tokens = tokens(line);
    if !tokens.is_empty() && tokens.iter().all(|t| BUTTON_WORDS.contains(t)) {
        return Some(ChromeKind::Buttons);
    }
    if is_download(&lower) {
        return Some(ChromeKind::Download);
    }
    let is_link = |t: &&str| {
        let n = t.chars().count();
        (2..=MAX_MENU_LINK_CHARS).contains(&n) && t.chars().all(is_cjk)
    };
    if tokens.len() >= MIN_MENU_LINKS
        && tokens
            .iter()
            .all(|t| is_link(t) || BUTTON_WORDS.contains(t))
        && tokens.iter().filter(|t| is_link(t)).count() >= MIN_MENU_LINKS - 1
        && !tokens.iter().any(|t| is_table_header(t))
    {
        return Some(ChromeKind::Menu);
    }
    None
}

/// The first line of `text` that is page chrome, with why.
pub fn first_chrome_line(text: &str) -> Option<(&str, ChromeKind)> {
    text.lines()
        .find_map(|line| classify(line).map(|kind| (line.trim(), kind)))
}

/// The words of a line between the separators a toolbar uses: spaces, bars, brackets, colons.
fn tokens(line: &str) -> Vec<&str> {
    line.split(|c: char| {
        c.is_whitespace() || "|｜丨【】[]〔〕()（）<>《》:：·•/、,，".contains(c) || c == '\u{a0}'
    })
    .filter(|t| !t.is_empty())
    .collect()
}

/// 「发布时间：2024-01-26」, 「索引号 620702074/2024-00047」: the line opens with a metadata key
/// followed by a colon or a space (a report's sentence never does), or names two keys with colons.
fn is_metadata(line: &str, squeezed: &str) -> bool {
    let keyed = |key: &&str| {
        squeezed
            .strip_prefix(*key)
            .is_some_and(|rest| rest.starts_with(':') || rest.is_empty())
            || line
                .strip_prefix(*key)
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    };
    if METADATA_KEYS.iter().any(keyed) {
        return true;
    }
    if squeezed.matches(':').nth(1).is_none() {
        return false;
    }
    let with_colons = METADATA_KEYS
        .iter()
        .filter(|key| {
            squeezed.match_indices(**key).any(|(at, k)| {
                squeezed
                    .get(at + k.len()..)
                    .is_some_and(|r| r.starts_with(':'))
            })
        })
        .count();
    with_colons >= 2
}

/// A link to an attached file: the line names a file, and is no sentence.
fn is_download(lower: &str) -> bool {
    let trimmed = lower.trim_end_matches(|c: char| c.is_whitespace() || c == ')' || c == '）');
    FILE_ENDINGS.iter().any(|e| trimmed.ends_with(e)) && !lower.contains('。')
}

/// A header cell of tables 三 and 四: a header row copied as a line is no menu.
fn is_table_header(token: &str) -> bool {
    let labels = format::REQUEST_COLUMNS
        .iter()
        .chain(format::APPEAL_COLUMNS.iter())
        .map(|c| c.label)
        .chain(format::APPEAL_GROUPS.iter().map(|g| g.label));
    labels.into_iter().any(|label| label == token)
        || [
            format::APPEAL_SUIT_HEADER,
            format::REQUEST_ORGANISATION_HEADER,
            format::REQUEST_APPLICANT_HEADER,
            format::ACTIVE_ITEM_HEADER,
        ]
        .contains(&token)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines_of_real_pages() {
        for (line, kind) in [
            (
                "当前位置：首页 > 政府信息公开 > 政府信息公开年报",
                ChromeKind::Breadcrumb,
            ),
            ("首页 > 政务公开 > 年度报告", ChromeKind::Breadcrumb),
            (
                "发表日期:2024-01-26 15:35:23 发布机构:政务服务管理局",
                ChromeKind::Metadata,
            ),
            (
                "索引号 620702074/2024-00047 发文字号 东街街道2023年度政府信息公开工作年度报告号",
                ChromeKind::Metadata,
            ),
            ("来源：区政府办", ChromeKind::Metadata),
            (
                "【字体：大 中 小】【打印本页】【关闭窗口】",
                ChromeKind::Buttons,
            ),
            ("字号：大 中 小", ChromeKind::Metadata),
            ("网站地图 | 联系我们 | 网站声明", ChromeKind::Buttons),
            ("扫一扫在手机上查看当前页面", ChromeKind::Buttons),
            ("附件下载", ChromeKind::Buttons),
            ("关闭", ChromeKind::Buttons),
            ("分享到：", ChromeKind::Buttons),
            ("主办单位：沭阳县人民政府办公室", ChromeKind::Footer),
            ("苏ICP备05009489号-1", ChromeKind::Footer),
            ("网站标识码：3213220001", ChromeKind::Footer),
            (
                "政府信息公开 领导之窗 政府机构 要闻动态 政策文件 互动交流",
                ChromeKind::Menu,
            ),
            (
                "首页 政务公开 政务服务 互动交流 走进沭阳 English",
                ChromeKind::Menu,
            ),
            (
                "附件：2023年政府信息公开工作年度报告.pdf",
                ChromeKind::Download,
            ),
        ] {
            assert_eq!(classify(line), Some(kind), "{line}");
        }
    }

    #[test]
    fn report_lines_are_not_chrome() {
        for line in [
            "一、总体情况",
            "（一）主动公开",
            "本报告根据《中华人民共和国政府信息公开条例》编制。",
            "2023年，我局共收到政府信息公开申请26件，其中来源于自然人26件。",
            "本年度未收取信息处理费。",
            "沭阳县发展和改革局",
            "2024年1月17日",
            "如对本报告有疑问，请联系：沭阳县发展和改革局；地址：沭阳县人民路1号；邮编：223600。",
            "主动公开 依申请公开 政府信息管理",
            "信息内容 本年制发件数 本年废止件数 现行有效件数",
            "标题中的年份应为2023年。",
            "商业企业 科研机构 社会公益组织 法律服务机构 其他",
            "督促承办单位按时办理人大代表建议。",
            "建议使用统一的信息发布平台。",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }
}
