//! The app's own words in Chinese (first) and English. The report's labels are the official
//! Chinese ones in both languages: they are what gets published.
//!
//! One way to show a phrase: [`tr`]`(lang, PHRASE)` where a view shows it as it is, and
//! `lang.pick(PHRASE)` inside a closure that builds a longer text from it. A message the core
//! made (a finding, an error, a notice) carries both languages: `lang.say(&message)`.

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

impl Text {
    /// The phrase followed by a detail: 「导出失败：」 + why.
    pub fn then(self, detail: &str) -> nianbao_report::Message {
        nianbao_report::Message::new(
            format!("{}{detail}", self.zh),
            format!("{}{detail}", self.en),
        )
    }

    /// The phrase with its `{}` filled in.
    pub fn fill(self, value: &str) -> nianbao_report::Message {
        nianbao_report::Message::new(self.zh.replace("{}", value), self.en.replace("{}", value))
    }
}

impl From<Text> for nianbao_report::Message {
    fn from(text: Text) -> Self {
        nianbao_report::Message::new(text.zh, text.en)
    }
}

impl Lang {
    pub fn pick(self, text: Text) -> &'static str {
        match self {
            Lang::Zh => text.zh,
            Lang::En => text.en,
        }
    }
    /// A message the core made (a finding, an error, a notice), in this language.
    pub fn say(self, message: &nianbao_report::Message) -> &str {
        match self {
            Lang::Zh => &message.zh,
            Lang::En => &message.en,
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
pub const OVERVIEW_GUIDANCE: Text = t(
    "篇幅原则上不超过一千字",
    "guidance: at most 1,000 characters",
);
pub const WHAT_BELONGS_HERE: Text = t("本部分通常包括：", "This section usually covers:");
pub const FINDINGS: Text = t("检查结果", "Findings");
pub const CHECKING: Text = t("正在核对……", "Checking…");
pub const NO_FINDINGS: Text = t("未发现问题。", "No findings.");
pub const ERRORS: Text = t("错误", "Errors");
pub const WARNINGS: Text = t("警告", "Warnings");
pub const INFOS: Text = t("提示", "Notes");
pub const BASIS: Text = t("依据：", "Basis: ");
pub const BASIS_DERIVED: Text = t("由表格关系推出", "derived from the tables");
pub const UPDATE_READY: Text = t("新版本已就绪。", "A new version is ready.");
pub const RELOAD: Text = t("重新加载", "Reload");
pub const EDITOR_REGION: Text = t("报告编辑区", "Report editor");
pub const CLOSE: Text = t("关闭", "Close");
pub const N_ERRORS: Text = t("{} 个错误", "{} errors");
pub const N_WARNINGS: Text = t("{} 个警告", "{} warnings");
pub const N_INFOS: Text = t("{} 条提示", "{} notes");
pub const READY_TO_PUBLISH: Text = t(
    "✓ 可以发布：没有错误，也没有空格",
    "✓ Ready to publish: no errors, no blank cells",
);
pub const NOT_READY_TO_PUBLISH: Text = t(
    "尚不能发布：请处理错误并填写全部空格",
    "Not ready to publish: fix the errors and fill every blank cell",
);
pub const READING_TEXT: Text = t(
    "正在通读正文，核对其中的数字与表格……",
    "Reading the text against the tables…",
);
pub const READING_FAILED: Text = t(
    "正文与表格的核对未能运行（{}）；编辑后将再次尝试。",
    "The text could not be checked against the tables ({}); it is tried again after the next edit.",
);
pub const PRINT: Text = t("打印", "Print");
pub const EXPORT_HTML: Text = t("导出HTML", "Export HTML");
pub const EXPORT_FAILED: Text = t("导出失败：", "Export failed: ");
pub const FONTS_MISSING: Text = t(
    "本机缺少公文字体：{}。打印时将用相近字体代替，版式可能与正式公文略有不同。",
    "This computer lacks the official document fonts: {}. Printing uses similar fonts; the layout may differ a little from the official one.",
);
pub const PRINT_FAILED: Text = t(
    "无法打开打印：请改用“导出HTML”后打印",
    "Could not print: export the HTML and print that",
);
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

// Drafts (issue 6): the list, saving, the faults, history, files.
pub const DRAFTS_BUTTON: Text = t("草稿列表", "Drafts");
pub const SAVE: Text = t("保存", "Save");
pub const SAVE_HINT: Text = t(
    "保存并留下一个历史版本（Ctrl+S）",
    "Save and keep a version in the history (Ctrl+S)",
);
pub const EXPORT_JSON: Text = t("导出 JSON", "Export JSON");
pub const IMPORT_JSON: Text = t("导入 JSON", "Import JSON");
pub const IMPORT_JSON_HINT: Text = t(
    "把年报 JSON 文件导入为新草稿（也可以把文件拖到页面上）",
    "Import a report JSON file as a new draft (or drop the file on the page)",
);
pub const PASTE_IMPORT: Text = t("导入已发布年报", "Import published report");
pub const HISTORY: Text = t("历史版本", "History");
pub const STATUS_SAVED: Text = t("已保存", "Saved");
pub const STATUS_SAVED_IN_PAGE: Text = t("已存于本页", "Kept in this page");
pub const STATUS_SAVING: Text = t("正在保存…", "Saving…");
pub const STATUS_NOT_SAVED: Text = t("未能保存", "Not saved");
pub const STATUS_NEW: Text = t("新草稿，尚未保存", "New draft, not saved yet");
pub const STORAGE_FULL: Text = t(
    "浏览器存储空间已满，最近的修改未能保存。草稿仍在本页中，可以继续编辑；请下载 JSON 备份。腾出空间后会自动继续保存。",
    "Browser storage is full: the latest changes are not saved. The draft is still in this page and you can keep editing; download a JSON copy. Saving resumes by itself once space is freed.",
);
pub const DOWNLOAD_JSON: Text = t("下载 JSON", "Download JSON");
pub const TRY_AGAIN: Text = t("重试", "Try again");
pub const STORAGE_IN_MEMORY: Text = t(
    "浏览器存储不可用（已被禁用或处于隐私模式）：草稿只保存在本页面中，关闭页面即丢失。请及时导出 JSON。",
    "Browser storage is unavailable (disabled, or a private window): drafts live in this page only and are lost when it closes. Export JSON in time.",
);
pub const SAVING_STOPPED: Text = t("已停止保存此草稿：", "Saving this draft has stopped: ");
pub const SAVING_STOPPED_AFTER: Text = t(
    "本页中的内容没有丢失，可以下载 JSON，或另存为新草稿。",
    "Nothing on this page is lost: download JSON, or keep it as a new draft.",
);
pub const SAVE_AS_NEW_DRAFT: Text = t("另存为新草稿", "Keep as a new draft");
pub const DELETED_ELSEWHERE: Text = t(
    "此草稿已在另一窗口中删除，本窗口不再自动保存。如需保留本窗口中的内容，请另存为新草稿。",
    "This draft was deleted in another window: this window no longer saves it. To keep what is on screen here, keep it as a new draft.",
);
pub const KEEP_THIS_COPY: Text = t("保留本窗口的内容", "Keep this window's copy");
pub const MERGED: Text = t(
    "另一窗口修改了此草稿，已合并。",
    "This draft was changed in another window; the changes are merged.",
);
pub const MERGE_CONFLICTS: Text = t(
    "两个窗口都改动了以下位置，已保留本窗口的内容（文字两段都已保留）：",
    "Both windows changed these places; this window's content is kept (for texts, both are kept):",
);
pub const KEEP_MINE_AS_COPY: Text = t("将我的版本另存为副本", "Keep mine as a copy");
pub const TAKE_THEIRS: Text = t("改用另一窗口的版本", "Use the other window's version");
pub const KEPT_AS_COPY: Text = t(
    "已将本窗口合并前的版本另存为新草稿，可在草稿列表中找到。",
    "This window's version before the merge is kept as a new draft, in the list of drafts.",
);
pub const LEAVE_UNSAVED: Text = t(
    "此草稿的最近修改未能保存，离开会丢失这些修改。仍要离开吗？（可以先下载 JSON。）",
    "The latest changes to this draft are not saved and are lost if you leave. Leave anyway? (You can download JSON first.)",
);
pub const DRAFTS_TITLE: Text = t("草稿", "Drafts");
pub const NEW_DRAFT: Text = t("新建草稿", "New draft");
pub const OPEN: Text = t("打开", "Open");
pub const RENAME: Text = t("重命名", "Rename");
pub const DUPLICATE: Text = t("复制", "Duplicate");
pub const DELETE: Text = t("删除", "Delete");
pub const NEXT_YEAR: Text = t("下一年度草稿", "Next year's draft");
pub const NEXT_YEAR_HINT: Text = t(
    "以此报告为上年报告新建下一年度草稿：结转数据带入，正文从模板开始",
    "A new draft for the following year: carry-over filled in, text from the template",
);
pub const OK: Text = t("确定", "OK");
pub const CANCEL: Text = t("取消", "Cancel");
pub const DAMAGED: Text = t("已损坏", "Damaged");
pub const DAMAGED_KEPT: Text = t(
    "原文已另行保留，不会被覆盖。",
    "Its text is kept aside and is never written over.",
);
pub const DOWNLOAD_RAW: Text = t("下载原文", "Download raw text");
pub const RECOVERIES: Text = t("恢复的文本", "Recovered texts");
pub const RECOVERIES_HINT: Text = t(
    "无法读取的草稿或历史版本在改动前原样保存于此，可下载后手工修复。",
    "Drafts or histories that could not be read were kept here as they were, before anything was written: download one to repair it by hand.",
);
pub const DELETE_OLD_RECOVERIES: Text = t("删除过期的恢复文本", "Delete the old ones");
pub const KEEP_THEM: Text = t("暂时保留", "Keep them for now");
pub const LAST_SAVED: Text = t("最后保存", "Last saved");
pub const NO_DRAFTS: Text = t("还没有草稿。", "No drafts yet.");
pub const FIRST_SCREEN_TITLE: Text = t(
    "政府信息公开工作年度报告",
    "Government information disclosure annual report",
);
pub const FIRST_SCREEN_YEAR: Text = t(
    "编写{year}年度报告：三种开始方式",
    "Writing the report on {year}: three ways to begin",
);
pub const FROM_LAST_YEAR: Text = t("从上年年报开始", "Start from last year's report");
pub const FROM_LAST_YEAR_HINT: Text = t(
    "粘贴、拖入或选择{last}年度已发布的年报（网页、文字或 JSON）。核对读取的内容后，生成{year}年度草稿：表三“上年结转”按上年“结转下年度继续办理”填好，上年报告留作对比核对。",
    "Paste, drop or pick the report on {last} as published (a web page, text or JSON). Check what was read, then get the draft for {year}: table 三's carry-over is filled in from last year's, and last year's report is kept to check against.",
);
pub const PASTE_LAST_YEAR: Text = t("粘贴上年年报", "Paste last year's report");
pub const PICK_LAST_YEAR: Text = t("选择文件", "Choose a file");
pub const NEW_BLANK_REPORT: Text = t("新建空白年报", "New blank report");
pub const NEW_BLANK_REPORT_HINT: Text = t(
    "从国家统一格式的空白模板开始，报告年度为{year}年（可在表头修改）。",
    "Start from the national format's blank template, for {year} (the year can be changed in the header).",
);
pub const OPEN_JSON: Text = t("打开 JSON", "Open JSON");
pub const OPEN_JSON_HINT: Text = t(
    "打开用“导出 JSON”保存的年报文件，继续编辑。",
    "Open a report file saved with Export JSON, to go on editing it.",
);
pub const WHERE_DRAFTS_LIVE: Text = t(
    "草稿只保存在本电脑的这个浏览器中。换电脑或备份时，请用“导出 JSON”保存文件。",
    "Drafts are kept in this browser on this computer only. To move or back up a report, save it with Export JSON.",
);
pub const HELP: Text = t("使用说明", "Help");
pub const CREATE_NEXT_YEAR: Text = t("生成{}年度草稿", "Create the draft for {}");
pub const NO_AGENCY: Text = t("（未填机关）", "(no agency yet)");
pub const DELETED: Text = t("已删除：", "Deleted: ");
pub const HISTORY_HINT: Text = t(
    "最近的版本（最多 10 个）。点击“保存”会单独留下一个版本；恢复后仍可撤销。",
    "The latest versions (up to 10). Save keeps a version of its own; a restore can be undone.",
);
pub const PART_LOADING: Text = t("正在载入…", "Loading…");
pub const PART_NOT_LOADED: Text = t(
    "这部分未能载入（网络中断？）。已填写的内容不受影响；请联网后关闭再打开，或重新载入本页。",
    "This part of the app could not be fetched (offline?). Nothing typed is affected; once online, close it and open it again, or reload the page.",
);
pub const NO_HISTORY: Text = t("还没有保存过的版本。", "No saved versions yet.");
pub const RESTORE: Text = t("恢复此版本", "Restore");
pub const RESTORED: Text = t("已恢复到此版本：", "Restored the version of ");
pub const PASTE_IMPORT_TITLE: Text = t("导入已发布的年报", "Import a published report");
pub const PASTE_AREA: Text = t(
    "已发布年报的网页或文字",
    "The published report's page or text",
);
pub const PASTE_IMPORT_HINT: Text = t(
    "把已发布年报的网页或文字粘贴到下面（可从网页、Word 或 PDF 中复制），先看读到的内容，再创建草稿。",
    "Paste the page or text of a published report below (copied from a web page, Word or a PDF); check what was read, then create the draft.",
);
pub const READ: Text = t("读取", "Read");
pub const CREATE_DRAFT: Text = t("创建草稿", "Create the draft");
pub const WHAT_WAS_READ: Text = t("读到的内容", "What was read");
pub const CELLS_READ: Text = t("读到的单元格", "Cells read");
pub const SECTIONS_WITH_TEXT: Text = t("有文字的部分", "Parts with text");
pub const IMPORT_NOTES: Text = t("导入说明", "Import notes");
pub const NO_IMPORT_NOTES: Text = t("没有需要说明的问题。", "Nothing to note.");
/// Under the findings while the import's notes are among them.
pub const DISMISS_IMPORT_NOTES: Text = t(
    "已对照原报告核对{}条导入说明（I-…），不再显示",
    "Checked the {} import notes (I-…) against the published report: hide them",
);
pub const DROP_HERE: Text = t(
    "松开鼠标，把文件导入为新草稿",
    "Drop the file to import it as a new draft",
);
pub const IMPORTED: Text = t("已导入为新草稿。", "Imported as a new draft.");

/// A phrase as a reactive view: the phrase in the current language. Every label drawn this way
/// is the same closure type, so the view code for it is compiled once rather than once per
/// label (the app's size budget counts).
pub fn tr(
    lang: leptos::prelude::RwSignal<Lang>,
    text: Text,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use leptos::prelude::Get;
    move || lang.get().pick(text)
}

// The supervisor's screens: batch check, summary report, year over year.
pub const BATCH_BUTTON: Text = t("批量检查", "Check many");
pub const BATCH_TITLE: Text = t("批量检查下级单位年报", "Check the reports of many units");
pub const BATCH_HINT: Text = t(
    "选择或拖入多个文件，或选择一个文件夹（年报 JSON、保存的网页、复制的文字均可），每份报告一行；文件只在本机读取，不上传。",
    "Pick or drop many files, or pick a folder (report JSON, saved web pages, copied text): one row per report. Files are read on this computer only, never uploaded.",
);
pub const PICK_FILES: Text = t("选择文件…", "Pick files…");
pub const PICK_FOLDER: Text = t("选择文件夹…", "Pick a folder…");
pub const READING: Text = t("正在读取", "Reading");
pub const FILTER: Text = t("筛选机关或文件名", "Filter by agency or file");
pub const PAGES: Text = t("分页", "Pages");
pub const PREVIOUS_PAGE: Text = t("上一页", "Previous page");
pub const NEXT_PAGE: Text = t("下一页", "Next page");
pub const SHOW_ALL: Text = t("全部", "All");
pub const SHOW_WITH_ERRORS: Text = t("有错误", "With errors");
pub const SHOW_CLEAN: Text = t("无错误", "Without errors");
pub const SHOW_UNREAD: Text = t("未能读取", "Unreadable");
pub const FILE: Text = t("文件", "File");
pub const AGENCY_COLUMN: Text = t("机关", "Agency");
pub const YEAR_COLUMN: Text = t("年度", "Year");
pub const ACTIONS: Text = t("操作", "Actions");
pub const SHOW_FINDINGS: Text = t("查看问题", "Findings");
pub const OPEN_AS_DRAFT: Text = t("打开为草稿", "Open as draft");
pub const COMPARE_LAST_YEAR: Text = t("与上年对比", "Compare with last year");
pub const EXPORT_CSV: Text = t("导出 CSV", "Export CSV");
pub const EXPORT_TABLE_HTML: Text = t("导出可打印表格", "Export printable table");
pub const CLEAR_BATCH: Text = t("新建批次", "New batch");
pub const SELECT_ALL: Text = t("全选", "Select all");
pub const STOP_READING: Text = t("停止读取", "Stop reading");
pub const TICK_FILE: Text = t("选中：", "Select: ");
pub const SHOW_WHICH: Text = t("显示哪些文件", "Which files to show");
pub const NO_BATCH: Text = t("还没有文件。", "No files yet.");
pub const UNREAD: Text = t("未能读取", "unreadable");
pub const LAST_YEAR_FROM: Text = t("已与上年报告核对：", "Checked against last year's: ");
pub const SUMMARY_TITLE: Text = t("汇总报告", "Summary report");
pub const SUMMARY_HINT: Text = t(
    "由勾选的单位报告逐格相加生成本级汇总报告；或选一份汇总报告，与勾选的单位报告核对（H-sum）。",
    "Add up the ticked units' reports cell by cell into a summary report, or pick a summary report and check it against the ticked units (H-sum).",
);
pub const SUMMARY_AGENCY: Text = t("汇总机关名称", "Agency of the summary");
pub const BUILD_SUMMARY: Text = t("生成汇总报告", "Build the summary");
pub const CHECK_SUMMARY: Text = t("核对汇总报告", "Check the summary");
pub const SUMMARY_REPORT: Text = t("汇总报告：", "Summary report: ");
pub const CHOOSE: Text = t("（请选择）", "(choose)");
// The kept batches.
pub const BATCH_NAME: Text = t("批次名称", "Name of the batch");
pub const BATCH_NAME_HINT: Text = t("如：2025年 各乡镇", "e.g. 2025, the townships");
pub const KEPT_BATCHES: Text = t("已保存的批次", "Kept batches");
pub const OPEN_KEPT: Text = t("打开批次", "Open batch");
pub const REMOVE_KEPT: Text = t("删除批次", "Delete batch");
pub const DOWNLOAD_BATCH: Text = t("下载批次 JSON", "Download the batch (JSON)");
// The region view.
pub const REGION_VIEW: Text = t("地区概览", "Region view");
pub const REGION_OWN_REPORT: Text = t("本级（全区）报告：", "The region's own report: ");
pub const NONE_CHOSEN: Text = t("（无）", "(none)");
pub const REGION_HINT: Text = t(
    "所选年度的各单位按指标并列；中位数和四分位数按 Excel 的 QUARTILE.INC 计算，5 个单位以上才标出超出通常范围的单位（◇）。",
    "The units of the chosen year side by side on each indicator; median and quartiles as Excel's QUARTILE.INC; with 5 units or more, units outside the usual range are marked (◇).",
);
pub const NO_UNITS: Text = t(
    "本批次中没有可读取的报告。",
    "No readable report in this batch.",
);
pub const REGION_TABLE: Text = t("各单位指标表", "Units by indicator");
pub const LOWER_QUARTILE: Text = t("下四分位数", "Lower quartile");
pub const MEDIAN: Text = t("中位数", "Median");
pub const UPPER_QUARTILE: Text = t("上四分位数", "Upper quartile");
pub const TO_ASK_ABOUT: Text = t("需要关注", "To ask about:");
pub const CHARTS: Text = t("图表", "Charts");
pub const INDICATOR: Text = t("指标", "Indicator");
pub const TREND_OF: Text = t("历年趋势：", "Over the years: ");
pub const NOTHING_TO_DRAW: Text = t("—（没有可画的数值）", "— (no figure to draw)");
pub const TICK_UNITS: Text = t(
    "请先勾选至少一份单位报告。",
    "Tick at least one unit's report first.",
);
pub const SUMMARY_PASSED: Text = t(
    "核对通过：汇总报告与各单位报告逐格一致。",
    "Passed: the summary equals its units' reports cell by cell.",
);
pub const BACK: Text = t("返回", "Back");
pub const YEAR_OVER_YEAR: Text = t("年度对比", "Year over year");
pub const THIS_YEAR: Text = t("本年", "this year");
pub const LAST_YEAR: Text = t("上年", "last year");
pub const CHANGE: Text = t("变化", "change");
pub const REPEAT_OF_PROBLEMS: Text = t("第五部分与上年重复", "Section 五 repeats last year's by");
pub const REPEAT_OF_WHOLE: Text = t("全文与上年重复", "The whole text repeats last year's by");
pub const REPEATED_MARKED: Text = t(
    "标记处为与上年报告相同的文字（连续8字以上，不计标点，数字视为相同）。",
    "Marked: text found in last year's report (runs of 8+ characters, punctuation ignored, digits alike).",
);
pub const NO_LAST_YEAR: Text = t(
    "没有找到上年的报告：请在“批量检查”中同时打开两个年度的报告，或导入含上年报告的 JSON。",
    "Last year's report was not found: open both years' reports in Check many, or import a JSON that carries last year's report.",
);

// The 图解.
pub const FIGURE: Text = t("图解", "Figure (图解)");
pub const DOWNLOAD_SVG: Text = t("下载 SVG", "Download SVG");
pub const DOWNLOAD_PNG: Text = t("下载 PNG 图片", "Download PNG");
pub const BACK_TO_EDITOR: Text = t("返回年报编辑", "Back to the editor");
pub const TOOLS_FAILED: Text = t("工具未能运行：", "The tools could not run: ");
pub const READING_REPORT: Text = t("正在读取…", "Reading…");
pub const EXPORT_DOCX: Text = t("导出 Word", "Export Word");
pub const MAKING_DOCX: Text = t("正在生成 Word 文档…", "Making the Word document…");
