//! What an agency's name says about it: its kind (部门, 乡镇/街道, or the government of a
//! county, a city or a province) and its level (省, 市, 县区, 乡镇).
//!
//! A name is a chain of places, then the organ: 「江苏省|宿迁市|沭阳县|发展和改革局」. The last
//! place gives the level; the organ gives the kind (人民政府 and the 管委会 of an area are that
//! level's government, 街道办事处/镇/乡 are townships, anything else is a department). Where a
//! name cannot tell — an area's 管委会 whose rank the name does not show, a department without
//! a place — the guess says it is unsure, so that the user is asked to check it.

use crate::format::AgencyKind;

/// The rank of the place an agency serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgencyLevel {
    /// 省、自治区、直辖市
    Province,
    /// 设区的市、自治州、地区、盟
    City,
    /// 县、县级市、市辖区、旗
    County,
    /// 乡、镇、街道
    Township,
}

impl AgencyLevel {
    pub fn key(self) -> &'static str {
        match self {
            AgencyLevel::Province => "province",
            AgencyLevel::City => "city",
            AgencyLevel::County => "county",
            AgencyLevel::Township => "township",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            AgencyLevel::Province => "省级",
            AgencyLevel::City => "市级",
            AgencyLevel::County => "县区级",
            AgencyLevel::Township => "乡镇级",
        }
    }

    fn government(self) -> AgencyKind {
        match self {
            AgencyLevel::Province => AgencyKind::ProvinceGov,
            AgencyLevel::City => AgencyKind::CityGov,
            AgencyLevel::County => AgencyKind::CountyGov,
            AgencyLevel::Township => AgencyKind::Township,
        }
    }

    /// The level below this one (an area set up inside a province is run like a city).
    fn below(self) -> AgencyLevel {
        match self {
            AgencyLevel::Province => AgencyLevel::City,
            AgencyLevel::City => AgencyLevel::County,
            AgencyLevel::County | AgencyLevel::Township => AgencyLevel::Township,
        }
    }
}

/// What the name says, and whether it says it plainly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgencyGuess {
    pub kind: AgencyKind,
    pub level: Option<AgencyLevel>,
    /// False where the name leaves the kind or the level open: the user should check it.
    pub sure: bool,
}

/// The four municipalities directly under the central government: provinces in rank.
const MUNICIPALITIES: [&str; 4] = ["北京", "上海", "天津", "重庆"];

/// The prefecture-level cities (设区的市), without 「市」: a 「…市」 not listed is a county-level
/// city. From the national list of administrative divisions (民政部 / 国家统计局 codes, as kept
/// by the open dataset modood/Administrative-divisions-of-China, cities.csv).
const PREFECTURE_CITIES: &str = "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 \
太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 \
巴彦淖尔 乌兰察布 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛 长春 吉林 \
四平 辽源 通化 白山 松原 白城 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 \
南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 \
衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 \
福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 \
济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 郑州 开封 洛阳 平顶山 \
安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 \
孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 广州 韶关 \
深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 南宁 柳州 \
桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口 三亚 三沙 儋州 成都 自贡 攀枝花 泸州 \
德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 六盘水 遵义 安顺 毕节 铜仁 \
昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 拉萨 日喀则 昌都 林芝 山南 那曲 西安 铜川 宝鸡 咸阳 渭南 延安 \
汉中 榆林 安康 商洛 兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁 海东 银川 石嘴山 \
吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密";

/// Endings of place names, longest first, with the level each gives (「市」 is decided apart).
const PLACE_ENDINGS: [(&str, Option<AgencyLevel>); 16] = [
    ("特别行政区", Some(AgencyLevel::Province)),
    ("街道办事处", Some(AgencyLevel::Township)),
    ("自治区", Some(AgencyLevel::Province)),
    ("自治州", Some(AgencyLevel::City)),
    ("自治县", Some(AgencyLevel::County)),
    ("自治旗", Some(AgencyLevel::County)),
    ("地区", Some(AgencyLevel::City)),
    ("街道", Some(AgencyLevel::Township)),
    ("苏木", Some(AgencyLevel::Township)),
    ("省", Some(AgencyLevel::Province)),
    ("盟", Some(AgencyLevel::City)),
    ("县", Some(AgencyLevel::County)),
    ("旗", Some(AgencyLevel::County)),
    ("镇", Some(AgencyLevel::Township)),
    ("乡", Some(AgencyLevel::Township)),
    ("市", None),
];

/// Two-char words that end in a place ending but name no place: 「城市管理局」, 「住房和城乡建设局」,
/// 「社区」, 「景区」 (新区, 开发区 and the like are areas, read apart).
const NOT_PLACES: [&str; 17] = [
    "城市", "都市", "超市", "城乡", "乡镇", "社区", "景区", "辖区", "城区", "山区", "牧区", "矿区",
    "街区", "小区", "片区", "库区", "老区",
];

/// Words that begin with a place ending, so that the ending is no place's end:
/// 「农产品市场」, 「乡村振兴局」.
const NOT_AFTER_ENDING: [&str; 11] = [
    "市场", "市政", "市容", "市民", "区域", "区划", "县域", "市域", "乡镇", "乡村", "镇街",
];

/// Organs whose name begins with a word that, after 「市」, would read 「市民」: 「莆田市民政局」,
/// 「莆田市民族与宗教事务局」 are a city's 民政局 and 民族与宗教事务局.
const ORGANS_AFTER_A_CITY: [&str; 4] = ["民政", "民族", "民宗", "民防"];

/// Areas run by a 管委会: an economic or new area set up inside a province or a city.
const AREA_ENDINGS: [&str; 14] = [
    "综合实验区",
    "经济技术开发区",
    "高新技术产业开发区",
    "高新区",
    "开发区",
    "经开区",
    "新区",
    "实验区",
    "试验区",
    "示范区",
    "经济区",
    "合作区",
    "保税区",
    "园区",
];

/// Longest place name before its ending, in chars (「克孜勒苏柯尔克孜」).
const MAX_PLACE_CHARS: usize = 10;

/// One place of the name's chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Level(AgencyLevel),
    /// 北京、上海、天津、重庆: provinces in rank whose districts are counties.
    Municipality,
    /// 「西咸新区」「苏州工业园区」: an area whose rank the name does not give.
    Area,
}

impl Place {
    fn level(self) -> Option<AgencyLevel> {
        match self {
            Place::Level(level) => Some(level),
            Place::Municipality => Some(AgencyLevel::Province),
            Place::Area => None,
        }
    }

    /// The level of a place set up inside this one.
    fn below(self) -> Option<AgencyLevel> {
        match self {
            Place::Level(level) => Some(level.below()),
            Place::Municipality => Some(AgencyLevel::County),
            Place::Area => None,
        }
    }
}

/// The place that `word` (a name and its ending) is, given the places above it; None when the
/// word is no place.
fn place_of(word: &str, after: &[char], above: Option<Place>) -> Option<Place> {
    let chars: Vec<char> = word.chars().collect();
    let last = *chars.last()?;
    let last_two: String = chars[chars.len().saturating_sub(2)..].iter().collect();
    if let Some(area) = AREA_ENDINGS.iter().find(|e| word.ends_with(*e)) {
        return (chars.len() > area.chars().count()).then_some(Place::Area);
    }
    let ending = |long: bool| {
        PLACE_ENDINGS.iter().find_map(|(ending, level)| {
            let n = ending.chars().count();
            ((n > 1) == long && word.ends_with(ending) && chars.len() > n)
                .then_some(*level)
                .flatten()
                .map(Place::Level)
        })
    };
    if let Some(place) = ending(true) {
        return Some(place);
    }
    if NOT_PLACES.contains(&last_two.as_str()) {
        return None;
    }
    if let Some(next) = after.first() {
        let across = format!("{last}{next}");
        let following: String = after.iter().take(2).collect();
        if NOT_AFTER_ENDING.contains(&across.as_str())
            && !ORGANS_AFTER_A_CITY.contains(&following.as_str())
        {
            return None;
        }
    }
    if last == '区' {
        return (chars.len() > 1).then_some(Place::Level(match above {
            Some(Place::Level(AgencyLevel::County)) => AgencyLevel::Township,
            _ => AgencyLevel::County,
        }));
    }
    if last == '市' {
        if chars.len() < 2 {
            return None;
        }
        let place = word.trim_end_matches('市');
        if MUNICIPALITIES.contains(&place) {
            return Some(Place::Municipality);
        }
        let prefecture = PREFECTURE_CITIES.split(' ').any(|c| c == place);
        let under_a_city = matches!(above, Some(Place::Level(AgencyLevel::City)));
        return Some(Place::Level(if prefecture && !under_a_city {
            AgencyLevel::City
        } else {
            AgencyLevel::County
        }));
    }
    ending(false)
}

/// The places a name begins with, and where its organ starts (a char index).
/// The last chars of every place ending: a word that ends otherwise is no place.
const PLACE_LAST_CHARS: &str = "区市县旗镇乡省盟州道处木";

fn place_chain(name: &[char]) -> (Vec<Place>, usize) {
    let mut chain: Vec<Place> = Vec::new();
    let mut at = 0;
    'places: while at < name.len() {
        let rest = name.get(at..).unwrap_or(&[]);
        for end in 1..=rest.len().min(MAX_PLACE_CHARS + 5) {
            if !rest
                .get(end - 1)
                .is_some_and(|c| PLACE_LAST_CHARS.contains(*c))
            {
                continue;
            }
            let word: String = rest[..end].iter().collect();
            if let Some(place) =
                place_of(&word, rest.get(end..).unwrap_or(&[]), chain.last().copied())
            {
                chain.push(place);
                at += end;
                continue 'places;
            }
        }
        break;
    }
    (chain, at)
}

/// Organs that are a people's government, or the committee that governs an area.
const GOVERNMENT_ORGANS: [&str; 5] = ["人民政府", "管委会", "管理委员会", "政府", "行政公署"];
/// Organs of a township or a street.
const TOWNSHIP_ORGANS: [&str; 3] = ["办事处", "街道办", "人民政府"];

/// Endings of an organ's name: what an agency is called (「…局」「…委员会」「…中心」).
const ORGAN_ENDINGS: [&str; 22] = [
    "政府",
    "局",
    "委员会",
    "委",
    "办公室",
    "办公厅",
    "办",
    "厅",
    "中心",
    "院",
    "所",
    "站",
    "馆",
    "队",
    "处",
    "部",
    "署",
    "会",
    "社",
    "街道",
    "公署",
    "集团",
];

/// Whether `text` can be an agency's name: a place with its organ, or an organ's name. 「正文」,
/// 「目录」 or a sentence cannot.
pub fn is_agency_name(text: &str) -> bool {
    let name: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    if name.len() < 3 || name.len() > 40 || name.iter().any(|c| "，。；：、,.;:！？".contains(*c))
    {
        return false;
    }
    let (chain, organ_at) = place_chain(&name);
    let organ: String = name.get(organ_at..).unwrap_or(&[]).iter().collect();
    !chain.is_empty() && organ.is_empty() || ORGAN_ENDINGS.iter().any(|e| organ.ends_with(e))
}

/// The name without whitespace and without what brackets add (「临空经济区(廊坊)管理委员会」,
/// 「贵阳市人民政府(市人民政府办公厅)」).
fn without_asides(text: &str) -> Vec<char> {
    let mut name = Vec::new();
    let mut depth = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => name.push(c),
            _ => {}
        }
    }
    name
}

/// A place's name alone (「三明市」) stands for its people's government: the name it is known
/// by, or None when `name` is more than a place, or a township's.
pub fn government_of_place(name: &str) -> Option<String> {
    let chars = without_asides(name);
    let (chain, organ_at) = place_chain(&chars);
    let last = chain.last()?;
    let township = matches!(last, Place::Level(AgencyLevel::Township));
    (organ_at == chars.len() && !township).then(|| format!("{}人民政府", name.trim()))
}

/// The agency's name in `text`, a run of words that may begin with others (「现公布广州市人民政府」):
/// its longest end that begins with a province, a municipality or a prefecture-level city; else
/// the whole run, less a verb before it, when it begins with a place of at most five chars.
pub fn name_in(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let first_place = |rest: &[char]| -> Option<String> {
        (1..=rest.len().min(MAX_PLACE_CHARS + 2)).find_map(|end| {
            if !rest
                .get(end - 1)
                .is_some_and(|c| PLACE_LAST_CHARS.contains(*c))
            {
                return None;
            }
            let word: String = rest[..end].iter().collect();
            place_of(&word, rest.get(end..).unwrap_or(&[]), None).map(|_| word)
        })
    };
    // A name begins near the start of the words it was found in, after a verb at most.
    const MAX_LEAD: usize = 6;
    let known = (0..chars.len().min(MAX_LEAD)).find_map(|start| {
        let rest = &chars[start..];
        let first = first_place(rest)?;
        let place = first.trim_end_matches('市');
        let known = MUNICIPALITIES.contains(&place)
            || PREFECTURE_CITIES.split(' ').any(|p| p == place)
            || ["省", "自治区", "自治州", "盟", "地区"]
                .iter()
                .any(|e| first.ends_with(e));
        let name: String = rest.iter().collect();
        (known && is_agency_name(&name)).then_some(name)
    });
    if known.is_some() {
        return known;
    }
    let name = ["现公布", "现将", "公布", "特此"]
        .iter()
        .find_map(|verb| text.strip_prefix(verb))
        .unwrap_or(text);
    let rest: Vec<char> = name.chars().collect();
    let first = first_place(&rest)?;
    (first.chars().count() <= 5 && is_agency_name(name)).then(|| name.to_owned())
}

/// Whether `text` begins with a place's name (「沭阳县…」, 「河东乡…」): a name read out of running
/// text must, since words like 「国办公开办」 or 「全州主动公开各类政府」 end like an organ too.
pub fn names_a_place(text: &str) -> bool {
    let name: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    !place_chain(&name).0.is_empty()
}

/// The kind and the level an agency's name gives.
pub fn guess(agency: &str) -> AgencyGuess {
    let name = without_asides(agency);
    let (chain, organ_at) = place_chain(&name);
    let organ: String = name[organ_at..].iter().collect();
    let last = chain.last().copied();
    // An area's rank is known only from the place above it (a province's area is run like a
    // city, a city's like a county); without one it is taken for a city, unsure.
    let above_area = chain
        .iter()
        .rev()
        .skip(1)
        .find(|p| p.level().is_some())
        .copied();
    let (level, area_sure) = match last {
        Some(Place::Area) => (
            Some(
                above_area
                    .and_then(Place::below)
                    .unwrap_or(AgencyLevel::City),
            ),
            above_area.is_some(),
        ),
        Some(place) => (place.level(), true),
        None => (None, true),
    };

    if organ.is_empty() || TOWNSHIP_ORGANS.contains(&organ.as_str()) || organ == "党工委" {
        // 「锡林浩特市额尔敦街道」, 「某镇人民政府」, 「某街道办事处」.
        if let Some(AgencyLevel::Township) = level {
            return AgencyGuess {
                kind: AgencyKind::Township,
                level,
                sure: true,
            };
        }
    }
    if GOVERNMENT_ORGANS.contains(&organ.as_str())
        || organ.ends_with("管委会") && organ.chars().count() <= 6
        || organ.ends_with("管理委员会") && organ.chars().count() <= 8
    {
        return match level {
            Some(level) => AgencyGuess {
                kind: level.government(),
                level: Some(level),
                sure: area_sure,
            },
            None => AgencyGuess {
                kind: AgencyKind::CountyGov,
                level: None,
                sure: false,
            },
        };
    }
    if organ.is_empty() {
        // A bare place (「沭阳县」) is taken for its government, but not plainly.
        return AgencyGuess {
            kind: level.map_or(AgencyKind::Department, AgencyLevel::government),
            level,
            sure: false,
        };
    }
    AgencyGuess {
        kind: AgencyKind::Department,
        level,
        sure: level.is_some() && area_sure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AgencyKind::{CityGov, CountyGov, Department, ProvinceGov};
    use AgencyLevel::{City, County, Province};
    const TOWN: (AgencyKind, Option<AgencyLevel>, bool) =
        (AgencyKind::Township, Some(AgencyLevel::Township), true);

    fn of(name: &str) -> (AgencyKind, Option<AgencyLevel>, bool) {
        let g = guess(name);
        (g.kind, g.level, g.sure)
    }

    #[test]
    fn governments_by_their_place() {
        assert_eq!(of("江苏省人民政府"), (ProvinceGov, Some(Province), true));
        assert_eq!(
            of("内蒙古自治区人民政府"),
            (ProvinceGov, Some(Province), true)
        );
        assert_eq!(of("北京市人民政府"), (ProvinceGov, Some(Province), true));
        assert_eq!(of("宿迁市人民政府"), (CityGov, Some(City), true));
        assert_eq!(of("锡林郭勒盟行政公署"), (CityGov, Some(City), true));
        assert_eq!(of("沭阳县人民政府"), (CountyGov, Some(County), true));
        assert_eq!(of("广州市海珠区人民政府"), (CountyGov, Some(County), true));
        assert_eq!(of("义乌市人民政府"), (CountyGov, Some(County), true));
        assert_eq!(
            of("锡林郭勒盟锡林浩特市人民政府"),
            (CountyGov, Some(County), true)
        );
        assert_eq!(of("北京市朝阳区人民政府"), (CountyGov, Some(County), true));
        assert_eq!(of("沭阳县钱集镇人民政府"), TOWN);
    }

    #[test]
    fn townships_and_streets() {
        assert_eq!(of("西城镇"), TOWN);
        assert_eq!(of("锡林浩特市额尔敦街道办事处"), TOWN);
        assert_eq!(of("西咸新区底张街道办事处"), TOWN);
        assert_eq!(of("广州市海珠区官洲街道"), TOWN);
        assert_eq!(of("杭州市滨江区长河街道办事处"), TOWN);
    }

    #[test]
    fn departments_by_their_place() {
        // 「市民」 is a word, but not in a city's 民政局 or 民族与宗教事务局.
        assert_eq!(of("莆田市民政局"), (Department, Some(City), true));
        assert_eq!(of("莆田市民族与宗教事务局"), (Department, Some(City), true));
        assert_eq!(of("沭阳县发展和改革局"), (Department, Some(County), true));
        assert_eq!(of("沭阳县市场监督管理局"), (Department, Some(County), true));
        assert_eq!(
            of("沭阳县住房和城乡建设局"),
            (Department, Some(County), true)
        );
        assert_eq!(of("宿迁市乡村振兴局"), (Department, Some(City), true));
        assert_eq!(
            of("江苏省发展和改革委员会"),
            (Department, Some(Province), true)
        );
        assert_eq!(of("沭阳县人民政府办公室"), (Department, Some(County), true));
        assert_eq!(
            of("广州市海珠区卫生健康局"),
            (Department, Some(County), true)
        );
        assert_eq!(
            of("上海市浦东新区生态环境局"),
            (Department, Some(County), true)
        );
    }

    #[test]
    fn areas_and_names_without_a_place_are_unsure() {
        // An area's committee governs it; its rank shows only from the place above it.
        assert_eq!(of("陕西省西咸新区管理委员会"), (CityGov, Some(City), true));
        assert_eq!(of("宿迁经济技术开发区管委会").0, CityGov);
        assert!(!guess("西咸新区管委会").sure);
        assert_eq!(of("西咸新区管委会").0, CityGov);
        assert_eq!(
            of("宿迁市宿迁经济技术开发区管委会"),
            (CountyGov, Some(County), true)
        );
        assert_eq!(of("统计局"), (Department, None, false));
    }

    #[test]
    fn names_and_not_names() {
        for name in [
            "沭阳县人民政府",
            "锡林浩特市额尔敦街道",
            "统计局",
            "宿迁市数据局",
            "沭阳县",
        ] {
            assert!(is_agency_name(name), "{name}");
        }
        for text in [
            "正文",
            "目录",
            "附件",
            "政府信息公开工作年度报告",
            "本机关认真贯彻落实。",
        ] {
            assert!(!is_agency_name(text), "{text}");
        }
    }
}
