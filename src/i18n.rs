//! The app's own words in Chinese (first) and English. The report's labels are the official
//! Chinese ones in both languages: they are what gets published.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A phrase in both languages.
#[derive(Clone, Copy, Debug)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

const fn t(zh: &'static str, en: &'static str) -> Text {
    Text { zh, en }
}

impl Lang {
    pub fn pick(self, text: Text) -> &'static str {
        match self {
            Lang::Zh => text.zh,
            Lang::En => text.en,
        }
    }
    /// Picks between two owned messages (findings carry both).
    pub fn choose<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
    pub fn from_key(key: &str) -> Option<Lang> {
        match key {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

pub const APP_NAME: Text = t("年报", "Nianbao");
pub const SWITCH_LANGUAGE: Text = t("English", "中文");
pub const UNDO: Text = t("撤销", "Undo");
pub const REDO: Text = t("重做", "Redo");
pub const AUTO_TOTAL: Text = t("自动合计", "Auto-total");
pub const AUTO_TOTAL_HINT: Text = t(
    "开启时，合计格由各项自动算出且不可编辑",
    "When on, total cells are computed from their parts and read-only",
);
pub const FILL_ZEROS: Text = t("空格填0", "Fill blanks with 0");
pub const COMPUTED: Text = t("自动计算", "computed");
pub const AGENCY: Text = t("机关全称", "Agency (full name)");
pub const AGENCY_KIND: Text = t("机关类型", "Kind of agency");
pub const YEAR: Text = t("报告年度", "Year reported on");
pub const TITLE: Text = t("标题", "Title");
pub const PUBLISHED_ON: Text = t("发布日期", "Publication date");
pub const TABLE_NOTE: Text = t("表格说明（可选）", "Note under the table (optional)");
pub const CHARACTERS: Text = t("字", "characters");
pub const OVERVIEW_GUIDANCE: Text = t("篇幅原则上不超过一千字", "guidance: at most 1,000 characters");
pub const WHAT_BELONGS_HERE: Text = t("本部分通常包括：", "This section usually covers:");
pub const FINDINGS: Text = t("检查结果", "Findings");
pub const NO_FINDINGS: Text = t("未发现问题。", "No findings.");
pub const ERRORS: Text = t("错误", "Errors");
pub const WARNINGS: Text = t("警告", "Warnings");
pub const INFOS: Text = t("提示", "Notes");
pub const BASIS: Text = t("依据", "Basis");
pub const BASIS_DERIVED: Text = t("由表格关系推出", "derived from the tables");
pub const PASTE_REFUSED: Text = t("以下单元格未粘贴：", "These cells were not pasted: ");
pub const PASTE_OUTSIDE: Text = t("超出表格的内容未粘贴", "content beyond the table was not pasted");
pub const UPDATE_READY: Text = t("新版本已就绪。", "A new version is ready.");
pub const RELOAD: Text = t("重新加载", "Reload");
pub const EDITOR_REGION: Text = t("报告编辑区", "Report editor");
pub const CLOSE: Text = t("关闭", "Close");
pub const N_ERRORS: Text = t("{} 个错误", "{} errors");
pub const N_WARNINGS: Text = t("{} 个警告", "{} warnings");
pub const N_INFOS: Text = t("{} 条提示", "{} notes");
pub const READY_TO_PUBLISH: Text = t("✓ 可以发布：没有错误，也没有空格", "✓ Ready to publish: no errors, no blank cells");
pub const NOT_READY_TO_PUBLISH: Text = t(
    "尚不能发布：请处理错误并填写全部空格",
    "Not ready to publish: fix the errors and fill every blank cell",
);
pub const PRINT: Text = t("打印", "Print");
pub const PRINT_FAILED: Text = t("无法打开打印：请改用“导出HTML”后打印", "Could not print: export the HTML and print that");
pub const COPY_REPORT: Text = t("复制全文", "Copy report");
pub const COPY_TABLE: Text = t("复制表格", "Copy table");
pub const REPORT_COPIED: Text = t(
    "已复制全文（含表格），可粘贴到网站编辑器或Word/WPS",
    "Report copied (with its tables): paste it into a website editor or Word/WPS",
);
pub const TABLE_COPIED: Text = t(
    "已复制表格，可粘贴到网站编辑器、Word/WPS或Excel",
    "Table copied: paste it into a website editor, Word/WPS or Excel",
);
pub const COPY_FAILED: Text = t("浏览器未允许复制", "The browser did not allow copying");
