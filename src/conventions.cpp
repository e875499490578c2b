#include "newsplit/conventions.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <unordered_set>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "dictionary_words.hpp"
#include "newsplit/unicode.hpp"

namespace newsplit::conventions {

namespace {

bool is_closing_quote(char32_t c) {
  return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'"' || c == U'\'' || c == U'》';
}

// The last code point that is not a closing quote: 。” ends a sentence, “钱景” does not.
char32_t last_before_quotes(std::string_view t) {
  std::size_t i = t.size();
  while (i > 0) {
    const char32_t c = unicode::prev(t, i);
    if (!is_closing_quote(c) && !unicode::is_space(c)) return c;
  }
  return 0;
}

// The first (or last) code points of a list's words, by their low twelve bits. A token
// whose first (last) character is not among them begins (ends) with no word of the list:
// most tokens tested are prose or headlines, and this passes them over without comparing
// each word (the bits of 30 words' characters are shared by about one Han character in 140).
class EdgeMask {
 public:
  template <std::size_t N>
  static EdgeMask firsts(const std::array<std::string_view, N>& words) {
    EdgeMask m;
    for (auto w : words) m.add(unicode::first(w));
    return m;
  }
  template <std::size_t N>
  static EdgeMask lasts(const std::array<std::string_view, N>& words) {
    EdgeMask m;
    for (auto w : words) m.add(unicode::last(w));
    return m;
  }
  bool may(char32_t c) const { return bits_[(c >> 6) & 63] >> (c & 63) & 1; }

 private:
  void add(char32_t c) { bits_[(c >> 6) & 63] |= std::uint64_t{1} << (c & 63); }
  std::array<std::uint64_t, 64> bits_{};
};

std::unordered_set<char32_t> make_set(std::u32string_view chars) { return {chars.begin(), chars.end()}; }

// The common single-character surnames (simplified and traditional forms).
const std::unordered_set<char32_t>& surnames() {
  static const auto set = make_set(
      U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
      U"姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
      U"康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成"
      U"苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费"
      U"卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠"
      U"惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国"
      U"狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇"
      U"公哈湛宾戎勾茅利於呼居揭干但尉斯元束檀衣信展阴昝智幸奉植衡富尧洪钮滑荀雎郦覃蓬酆芦闾寿晏"
      U"陳楊黃趙吳劉張鄭謝韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閻龔萬錢嚴湯溫齊顏莊聶歐關蘭寧紀單塗駱藍鮑華饒時農項連蘆"
      U"麥婁竇黨宮費衛欒鄺樂鞏龐許孫馬郭羅孫馮張楊蔣蔡餘魏薛雷賀顧郝邵覃戴孔倪聶魯嶽翟詹耿俞祝尚舒畢鄔邊師隋"
      U"沙榮鄒劉");
  return set;
}

constexpr std::array<std::string_view, 38> kCompoundSurnames = {
    "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙",
    "公孫", "令狐", "慕容", "长孙", "長孫", "宇文", "司徒", "夏侯", "轩辕", "軒轅", "端木", "独孤", "獨孤",
    "南宫", "南宮", "西门", "西門", "万俟", "闻人", "聞人", "赫连", "赫連", "澹台", "申屠", "濮阳"};

// Role words of bylines and credits, longest first so that 本报记者 wins over 记者.
// 诵讯员 and 通迅员 are OCR slips for 通讯员 seen in real credit lines.
constexpr std::array<std::string_view, 35> kRoleWords = {
    "摄影报道", "特约评论员", "本報記者", "特約記者", "評論員",
    "特约通讯员", "本报记者", "特约记者", "实习记者", "见习记者", "首席记者", "摄影记者", "融媒记者",
    "全媒体记者", "评论员", "通讯员", "诵讯员", "通迅员", "通訊員", "實習生", "实习生", "記者", "记者", "摄影",
    "攝影", "文/图", "文／图", "文图", "制图", "整理", "撰文", "报道", "摄", "攝", "文"};

// Single words that stand for a role only when they are a whole token ("文", "图").
constexpr std::array<std::string_view, 2> kBareRoleWords = {"图", "圖"};

// Endings of organisation names in credit lines.
constexpr std::array<std::string_view, 40> kOrgSuffixes = {
    "融媒体中心", "新闻中心", "传媒中心", "宣传部", "管委会", "委员会", "办公室", "电视台", "广播电视台", "记者站",
    "报社", "日报", "晚报", "商报", "时报", "中心", "政府", "集团", "公司", "协会", "学会", "大学", "学院", "医院",
    "街道", "社区", "分局", "支队", "大队", "局", "委", "厅", "院", "站", "社", "台", "部", "办", "所", "馆"};

// Words of page furniture lines: editors, designers, proof-readers, page labels.
constexpr std::array<std::string_view, 14> kFurnitureStarts = {
    "责任编辑", "本版编辑", "美术编辑", "版式设计", "视觉设计", "值班编辑", "本版责编", "责编", "美编", "校对", "组版",
    "版式", "責任編輯", "本版編輯"};

}  // namespace

// A bracket set after a sentence's end closes with it (…亮灯迎客。（记者 张三）, …（完）); `text`
// runs up to the closing bracket. (Asked of few lines: kept out of the loop that asks all.)
[[gnu::noinline]] bool bracket_after_a_sentence(std::string_view text) {
  constexpr std::size_t kMostBytes = 96;  // a bracket that closes a sentence is short
  const std::size_t from = text.size() > kMostBytes ? text.size() - kMostBytes : 0;
  const std::size_t open = text.rfind("（");
  if (open == std::string_view::npos || open < from || open == 0) return false;
  std::size_t j = open;
  const char32_t before = unicode::prev(text, j);
  return before == U'。' || before == U'！' || before == U'？';
}

bool detail::ends_sentence_past_han(std::string_view text) {
  std::size_t i = text.size();
  while (i > 0) {
    char32_t c = unicode::prev(text, i);
    if (is_closing_quote(c) || unicode::is_space(c)) continue;
    if (c == U'）') return bracket_after_a_sentence(text.substr(0, i));
    if (c == U'.') {  // a half-width stop ends a sentence, except in abbreviations (U.S.)
      while (i > 0 && c == U'.') c = unicode::prev(text, i);
      return !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z');
    }
    return c == U'。' || c == U'！' || c == U'？' || c == U'…' || c == U'!' || c == U'?' || c == U'．';
  }
  return false;
}

bool detail::ends_unit_past_han(std::string_view text) {
  if (detail::ends_sentence_past_han(text)) return true;
  const char32_t c = last_before_quotes(text);
  return c == U'；' || c == U'：' || c == U';' || c == U':';
}

bool ends_open(std::string_view text) {
  const char32_t c = unicode::last(text);
  // (The dot inside a foreign name, 弗雷德里克·尼尔森, runs on into the rest of the name.)
  return c == U'，' || c == U'、' || c == U',' || c == U'（' || c == U'(' || c == U'“' || c == U'《' || c == U'—' || c == U'·' ||
         c == U'・';
}

bool has_full_stop(std::string_view text) {
  for (std::size_t i = 0; i < text.size();)
    if (is_full_stop(unicode::next(text, i))) return true;
  return false;
}

namespace {
// The pairs of brackets and quotes a phrase opens and closes: （“《「【 (the half-width round
// bracket shares the round pair), by kind. Straight quotes say neither and are counted apart.
struct Pair {
  int kind = -1;  // -1: no bracket or quote
  bool opens = false;
};
constexpr int kPairKinds = 5;
constexpr Pair pair_of(char32_t c) {
  switch (c) {
    case U'（': case U'(': return {0, true};
    case U'）': case U')': return {0, false};
    case U'“': return {1, true};
    case U'”': return {1, false};
    case U'《': return {2, true};
    case U'》': return {2, false};
    case U'「': return {3, true};
    case U'」': return {3, false};
    case U'【': return {4, true};
    case U'】': return {4, false};
    default: return {};
  }
}
}  // namespace

bool balanced(std::string_view text, std::string_view more) {
  std::array<int, kPairKinds> open{};
  int straight = 0;
  for (std::string_view t : {text, more})
    for (std::size_t i = 0; i < t.size();) {
      const char32_t c = unicode::next(t, i);
      if (c == U'"') {
        ++straight;
      } else if (const Pair p = pair_of(c); p.kind >= 0) {
        int& n = open[static_cast<std::size_t>(p.kind)];
        if (p.opens) ++n;
        else if (--n < 0) return false;
      }
    }
  return straight % 2 == 0 && std::all_of(open.begin(), open.end(), [](int n) { return n == 0; });
}

bool closed_on_next(std::string_view text, std::string_view next) {
  std::array<int, kPairKinds> open{};
  int straight = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = unicode::next(text, i);
    if (c == U'"') {
      ++straight;
    } else if (const Pair p = pair_of(c); p.kind >= 0) {
      int& n = open[static_cast<std::size_t>(p.kind)];
      n = std::max(0, n + (p.opens ? 1 : -1));
    }
  }
  if (straight % 2 == 0 && std::all_of(open.begin(), open.end(), [](int n) { return n == 0; })) return false;
  // A straight quote left open is closed by the next line's first one, unless that opens
  // the line (a quotation over several paragraphs opens each).
  const bool straight_open = straight % 2 == 1 && !next.starts_with('"');
  std::array<int, kPairKinds> opened{};  // what the next line opens itself
  for (std::size_t i = 0; i < next.size();) {
    const char32_t c = unicode::next(next, i);
    if (c == U'"') return straight_open;
    const Pair p = pair_of(c);
    if (p.kind < 0) continue;
    int& n = opened[static_cast<std::size_t>(p.kind)];
    if (p.opens) ++n;
    else if (n > 0) --n;
    else if (open[static_cast<std::size_t>(p.kind)] > 0) return true;
  }
  return false;
}

bool is_justified(std::string_view line) {
  int chars = 0, single_gaps = 0;
  bool space_before = false, two_before = false;
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  for (std::size_t i = 0; i < line.size();) {
    // Three-byte characters (Han, the Chinese marks) read in place: most of a line.
    const bool three = p[i] >= 0xE0 && p[i] < 0xF0 && i + 2 < line.size();
    const char32_t c = three ? (unicode::is_space3(p + i) ? U' ' : U'\uFFFF') : unicode::next(line, i);
    if (three) i += 3;
    if (unicode::is_space(c)) {
      two_before = space_before;
      space_before = true;
      continue;
    }
    if (space_before && !two_before && chars > 0) ++single_gaps;
    space_before = two_before = false;
    ++chars;
  }
  // Three gaps at least, and between at least half of the characters.
  return single_gaps >= 3 && 2 * single_gaps >= chars - 1;
}

std::string unjustified(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  int spaces = 0;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t at = i;
    const char32_t c = unicode::next(line, i);
    if (unicode::is_space(c)) {
      ++spaces;
      continue;
    }
    if (spaces >= 2 && !out.empty()) out.push_back(' ');
    spaces = 0;
    out.append(line.substr(at, i - at));
  }
  return out;
}

bool continues_text(char32_t c) {
  switch (c) {
    case U'，': case U'。': case U'、': case U'；': case U'：': case U'）': case U'”': case U'’': case U'》':
    case U'」': case U'』': case U'！': case U'？': case U',': case U';': case U':': case U')': case U'…':
      return true;
    default:
      return false;
  }
}

bool word_continues(std::string_view left, std::string_view right) {
  // A few characters either side are enough for the dictionary to see the word.
  constexpr int kContext = 4;
  if (!unicode::is_han(unicode::last(left)) || !unicode::is_han(unicode::first(right))) return false;
  // The Han characters either side of the junction, as UTF-16 on the stack (two units a
  // character at most): this is asked at block junctions of every page, and makes no
  // string on the heap.
  UChar units[4 * kContext];
  int32_t n = 0;
  std::size_t b = left.size();
  char32_t before[kContext];
  int nb = 0;
  // Justified spacing puts one space between characters (山 地 骑 行): read through it.
  bool gap = false;
  while (nb < kContext && b > 0) {
    std::size_t k = b;
    const char32_t c = unicode::prev(left, k);
    b = k;
    if (c == U' ' && nb > 0 && !gap) {
      gap = true;
      continue;
    }
    if (!unicode::is_han(c)) break;
    before[nb++] = c;
    gap = false;
  }
  auto append = [&](char32_t c) { U16_APPEND_UNSAFE(units, n, c); };
  for (int k = nb; k-- > 0;) append(before[k]);
  const int32_t junction = n;
  gap = false;
  for (std::size_t e = 0, m = 0; m < kContext && e < right.size();) {
    const char32_t c = unicode::next(right, e);
    if (c == U' ' && m > 0 && !gap) {
      gap = true;
      continue;
    }
    if (!unicode::is_han(c)) break;
    append(c);
    ++m;
    gap = false;
  }
  // Where no word of the dictionary crosses the junction, the iterator finds a boundary.
  const std::u16string_view context(reinterpret_cast<const char16_t*>(units), static_cast<std::size_t>(n));
  const auto& words = newsplit::detail::DictionaryWords::chinese();
  if (!words.some_word_crosses(context, static_cast<std::size_t>(junction))) return false;
  if (const std::optional<bool> cut = words.boundary(context, static_cast<std::size_t>(junction))) return !*cut;
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    return U_SUCCESS(status) ? std::move(bi) : nullptr;
  }();
  if (!it) return false;
  // A read-only alias of the buffer, read in place, and let go of before the buffer goes.
  const icu::UnicodeString text(false, units, n);
  it->setText(text);
  const bool inside = !it->isBoundary(junction);
  static const icu::UnicodeString nothing;
  it->setText(nothing);
  return inside;
}

bool number_runs_on(std::string_view left, std::string_view right) {
  if (left.empty() || left.back() < '0' || left.back() > '9' || right.size() < 3) return false;
  // The measure words and units that follow a number in news text.
  switch (unicode::first(right)) {
    case U'个': case U'项': case U'名': case U'座': case U'家': case U'万': case U'亿': case U'年': case U'月':
    case U'日': case U'号': case U'岁': case U'元': case U'米': case U'次': case U'人': case U'件': case U'条':
    case U'种': case U'台': case U'辆': case U'倍': case U'位': case U'所': case U'批': case U'场': case U'届':
    case U'吨': case U'亩': case U'公': case U'千': case U'百': case U'周': case U'天': case U'小': case U'分':
      return true;
    default:
      return false;
  }
}

bool opens_on_a_particle(std::string_view line) {
  std::size_t k = 0;
  if (!may_be_particle(unicode::next(line, k))) return false;
  // Followed by a Han character it may open a word of the dictionary (的确, 了解): then no particle.
  const std::string_view rest = line.substr(k);
  return rest.empty() || !unicode::is_han(unicode::first(rest)) || !word_continues(line.substr(0, k), rest);
}

bool holds_a_picture_sentence(std::string_view text) {
  constexpr std::string_view kPictureIs = "图为";
  for (std::size_t at = text.find(kPictureIs); at != std::string_view::npos; at = text.find(kPictureIs, at + kPictureIs.size())) {
    if (at == 0) return true;
    std::size_t k = at;
    const char32_t before = unicode::prev(text, k);
    if (before == U'。' || before == U'！' || before == U'？' || before == U'”') return true;
  }
  return false;
}

bool two_characters_a_word(std::string_view two) {
  if (unicode::count(two) != 2) return false;
  std::size_t i = 0;
  unicode::next(two, i);
  return word_continues(two.substr(0, i), two.substr(i));
}

bool ends_on_a_word_that_needs_more(std::string_view line) {
  if (!detail::ends_on_han(line)) return false;
  std::size_t k = line.size();
  const char32_t last = unicode::prev(line, k);
  switch (last) {
    case U'对': case U'在': case U'与': case U'和': case U'把': case U'被': case U'将': case U'从': case U'向':
    case U'跟': case U'给': case U'及': case U'并': case U'或': case U'于': case U'让': case U'使': case U'由':
    case U'以': case U'为': case U'比': case U'同': case U'当': case U'之': case U'的':
      break;
    default:
      return false;
  }
  const std::string_view before = line.substr(0, k);
  // 是…的 closes a sentence (好日子是干出来的): a headline may end so.
  if (last == U'的' && before.find("是") != std::string_view::npos) return false;
  // A name may end on one of them (沈和): a phrase cut short holds more than a name.
  if (unicode::count(before) < 4) return false;
  // 反对, 存在, 作为, 目的: the character ends a longer word, which may end a phrase. After a
  // mark (…“英雄帖”——在) it stands alone.
  return !unicode::is_han(unicode::last(before)) || !word_continues(before, line.substr(k));
}

bool is_item_mark(char32_t c) {
  return c == U'■' || c == U'□' || c == U'●' || c == U'○' || c == U'◆' || c == U'◇' || c == U'▲' || c == U'△' ||
         c == U'★' || c == U'☆' || c == U'▼' || c == U'◎';
}

bool starts_with_compound_surname(std::string_view name) {
  static const EdgeMask firsts = EdgeMask::firsts(kCompoundSurnames);
  if (!name.empty() && firsts.may(unicode::first(name)))
    for (auto s : kCompoundSurnames)
      if (name.starts_with(s)) return true;
  return false;
}

bool starts_with_surname(std::string_view name) {
  return starts_with_compound_surname(name) || (!name.empty() && surnames().count(unicode::first(name)) > 0);
}

bool is_name(std::string_view token, bool need_surname) {
  int n = 0;
  for (std::size_t i = 0; i < token.size();) {
    const char32_t c = unicode::next(token, i);
    if (c == U'·' || c == U'•') continue;  // 阿依古丽·买买提: names joined by a middle dot
    if (!unicode::is_han(c) || ++n > 4) return false;  // names are two to four characters
  }
  if (n < 2) return false;
  return !need_surname || starts_with_surname(token);
}

std::size_t role_suffix(std::string_view token) {
  static const EdgeMask lasts = EdgeMask::lasts(kRoleWords);
  if (token.empty() || !lasts.may(unicode::last(token))) return 0;
  for (auto w : kRoleWords)
    if (token.ends_with(w)) return w.size();
  return 0;
}

std::size_t role_prefix(std::string_view token) {
  static const EdgeMask firsts = EdgeMask::firsts(kRoleWords);
  if (token.empty() || !firsts.may(unicode::first(token))) return 0;
  for (auto w : kRoleWords) {
    if (w == "文" || w == "摄" || w == "攝") continue;  // too common as the first character of a name
    if (token.starts_with(w)) return w.size();
  }
  return 0;
}

bool is_role_word(std::string_view token) {
  static const EdgeMask firsts = EdgeMask::firsts(kRoleWords);
  if (token.empty()) return false;
  if (firsts.may(unicode::first(token)))
    for (auto w : kRoleWords)
      if (token == w) return true;
  for (auto w : kBareRoleWords)
    if (token == w) return true;
  return false;
}

bool is_organisation(std::string_view token) {
  static const EdgeMask lasts = EdgeMask::lasts(kOrgSuffixes);
  if (token.empty() || !lasts.may(unicode::last(token)) || unicode::count(token) < 3) return false;
  for (std::size_t i = 0; i < token.size();) {
    const char32_t c = unicode::next(token, i);
    if (!(unicode::is_han(c) || unicode::is_ascii_alnum(c) || c == U'-' || c == U'（' || c == U'）' || c == U'(' ||
          c == U')' || c == U'·' || c == U'－'))
      return false;
  }
  for (auto s : kOrgSuffixes)
    if (token.ends_with(s) && token.size() > s.size()) return true;
  return false;
}

bool is_picture_source(std::string_view token) {
  if (token.ends_with("供图") || token.ends_with("供圖")) return unicode::count(token) >= 3;
  const bool picture = token.starts_with("图片") || token.starts_with("照片") || token.starts_with("本版图片") ||
                       token.starts_with("圖片") || token.starts_with("本版圖片");
  return picture && (token.ends_with("提供") || token.ends_with("拍摄"));
}

namespace {

// Digits at s[i..], as a number (at most `most` of them); i moves past them.
int read_number(std::string_view s, std::size_t& i, int most) {
  int n = 0, v = 0;
  while (i < s.size() && n < most && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0'), ++n;
  return n == 0 ? -1 : v;
}

}  // namespace

bool is_calendar_date(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > kDays[static_cast<std::size_t>(m - 1)]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

bool find_date(std::string_view text, int* year, int* month, int* day) {
  // A date has six digits at least (a year's four, a month's and a day's): most lines have
  // fewer, and are counted a vector at a time.
  constexpr std::size_t kFewestDigits = 6;
  if (unicode::count_bytes(text, '0', '9') < kFewestDigits)
    return false;
  for (std::size_t start = 0; start < text.size(); ++start) {
    if (text[start] < '0' || text[start] > '9' || (start > 0 && text[start - 1] >= '0' && text[start - 1] <= '9')) continue;
    std::size_t i = start;
    const int y = read_number(text, i, 4);
    if (i - start != 4) continue;
    // 2026年1月5日, 2026.01.05, 2026-01-05, 2026/01/05
    std::string_view sep;
    for (std::string_view s : {"年", ".", "-", "/"})
      if (text.substr(i).starts_with(s)) sep = s;
    if (sep.empty()) continue;
    i += sep.size();
    const int m = read_number(text, i, 2);
    const std::string_view sep2 = sep == "年" ? "月" : sep;
    if (m < 0 || !text.substr(i).starts_with(sep2)) continue;
    i += sep2.size();
    const int d = read_number(text, i, 2);
    if (d < 0 || (i < text.size() && text[i] >= '0' && text[i] <= '9')) continue;
    if (!is_calendar_date(y, m, d)) continue;
    if (year) *year = y;
    if (month) *month = m;
    if (day) *day = d;
    return true;
  }
  return false;
}

bool is_paper_name(std::string_view token) {
  const std::size_t n = unicode::count(token);
  if (n < 3 || n > 8 || !token.ends_with("报")) return false;
  for (std::size_t i = 0; i < token.size();)
    if (!unicode::is_han(unicode::next(token, i))) return false;
  return true;
}

bool is_page_number(std::string_view t) {
  std::size_t i = !t.empty() && t[0] >= 'A' && t[0] <= 'Z' ? 1 : 0;
  const std::size_t from = i;
  return read_number(t, i, 3) >= 0 && i == t.size() && i > from;
}

bool is_page_label(std::string_view text) {
  if (!text.ends_with("版") || unicode::count(text) > 12) return false;
  std::string_view mid = text;
  if (mid.starts_with("第")) mid.remove_prefix(std::string_view("第").size());
  mid.remove_suffix(std::string_view("版").size());
  mid = unicode::trim(mid);
  return !mid.empty() && std::all_of(mid.begin(), mid.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); });
}

bool is_page_head(std::string_view text) {
  constexpr std::size_t kMaxBytes = 48 * 3;
  // A head holds a date or a paper's name (…报): most lines hold neither and go at once.
  const bool date = text.size() <= kMaxBytes && find_date(text);
  if (text.size() > kMaxBytes || (!date && text.find("报") == std::string_view::npos)) return false;
  for (std::size_t i = 0; i < text.size();)
    if (const char32_t c = unicode::next(text, i); c == U'。' || c == U'，' || c == U'；' || c == U'！' || c == U'？') return false;
  bool paper = false, label = false, weekday = false, number = false;
  // The paper's name may be run together with the page number and the date (3南方日报2026.01.20).
  for (std::size_t i = 0; i < text.size() && !paper;) {
    const std::size_t from = i;
    while (i < text.size() && unicode::is_han_block_lead(static_cast<unsigned char>(text[i])) && i + 2 < text.size() &&
           unicode::is_han(unicode::decode3(reinterpret_cast<const unsigned char*>(text.data() + i))))
      i += 3;
    if (i > from) paper = is_paper_name(text.substr(from, i - from));
    else unicode::next(text, i);
  }
  for (std::string_view t : tokens(text)) {
    label = label || is_page_label(t);
    weekday = weekday || t.starts_with("星期") || (t.starts_with("周") && unicode::count(t) == 2);
    number = number || is_page_number(t);
  }
  return (date && (paper || label || weekday || number)) || (paper && (label || number));
}

bool is_furniture_line(std::string_view text) {
  static const EdgeMask firsts = EdgeMask::firsts(kFurnitureStarts);
  if (!text.empty() && firsts.may(unicode::first(text)))
    for (auto w : kFurnitureStarts)
      if (text.starts_with(w)) return true;
  if (is_page_head(text)) return true;
  // Where the page's pictures came from, said once for the page (（本版图片除署名外均由新华社提供）).
  if ((text.starts_with("（本版图片") || text.starts_with("(本版图片") || text.starts_with("本版图片")) &&
      (text.ends_with("提供）") || text.ends_with("提供)") || text.ends_with("提供")))
    return true;
  // A date with its weekday ("2024年7月11日 星期四") heads every page of a day.
  const auto week = text.find("星期");
  if (week != std::string_view::npos && text.find("年") != std::string_view::npos &&
      text.find("月") != std::string_view::npos && unicode::count(text) <= 40)
    return true;
  // A page label: "第3版", "A3版", "第 12 版"; with its section's name (第3版 要闻).
  return is_page_label(text) || is_labelled_section(text);
}

namespace {
// 摄/视觉重庆, 摄／新华社: a photographer's credit that names the agency after a slash. The
// slash is looked for first: it is rare in Chinese text, where 摄's lead byte opens many
// common characters.
bool holds_slashed_credit(std::string_view line) {
  constexpr std::string_view kShot = "摄";
  auto shot_before = [&](std::size_t at) { return at >= kShot.size() && line.substr(at - kShot.size(), kShot.size()) == kShot; };
  for (std::string_view slash : {"/", "／"})
    for (std::size_t at = line.find(slash); at != std::string_view::npos; at = line.find(slash, at + slash.size()))
      if (shot_before(at)) return true;
  return false;
}
}  // namespace

std::string_view after_photo_mark_slash(std::string_view token) {
  for (std::string_view mark : {"摄/", "摄／"})
    if (token.starts_with(mark)) return token.substr(mark.size());
  return {};
}

std::string_view after_text_or_picture_slash(std::string_view token) {
  const char32_t first = unicode::first(token);
  if (first != U'文' && first != U'图' && first != U'圖') return {};
  for (std::string_view part : {"文·图", "文/图", "文图", "图文", "文", "图", "圖"})
    for (std::string_view slash : {"/", "／"})
      if (token.size() > part.size() + slash.size() && token.starts_with(part) && token.substr(part.size()).starts_with(slash))
        return token.substr(part.size() + slash.size());
  return {};
}

std::string_view before_text_or_picture_slash(std::string_view token) {
  const char32_t last = unicode::last(token);
  if (last != U'文' && last != U'图' && last != U'圖' && last != U'摄' && last != U'影') return {};
  for (std::string_view part : {"文图", "文·图", "摄影", "文", "图", "圖", "摄"})
    for (std::string_view slash : {"/", "／"})
      if (token.size() > part.size() + slash.size() && token.ends_with(part) &&
          token.substr(0, token.size() - part.size()).ends_with(slash))
        return token.substr(0, token.size() - part.size() - slash.size());
  return {};
}

bool opens_with_photo_mark(std::string_view line) {
  return line == "摄" || !after_photo_mark_slash(line).empty() || line.starts_with("摄（") || line.starts_with("摄(");
}

// Captions end with the photographer or the picture's source: …摄, 摄/曾诚, 记者 张锦辉 摄/视觉重庆,
// （…供图）, （本报资料图片）.
bool ends_photo_credit(std::string_view line) {
  line = unicode::trim(line);
  // Only lines that end in a photo mark, a bracket, 发 or 国, or hold 摄/, can be one.
  const char32_t end = unicode::last(line);
  if (end != U'摄' && end != U'影' && end != U'攝' && end != U'）' && end != U')' && end != U'发' && end != U'国' &&
      !holds_slashed_credit(line))
    return false;
  for (std::string_view end : {"供图）", "供图)", "资料图片）", "资料图片)", "资料图）", "供圖）", "新华社发", "视觉中国"})
    if (line.ends_with(end)) return true;
  // 张三摄（人民视觉）, （新华社发）, （薛春爱摄）, （受访单位供 图）: the photographer, the
  // picture's source, or both, in brackets at the end (read without the dump's spaces).
  if (end == U'）' || end == U')') {
    const std::size_t open = std::min(line.rfind("（"), line.rfind("("));
    if (open != std::string_view::npos) {
      const std::string_view before = unicode::trim(line.substr(0, open));
      std::string inside;
      for (char c : line.substr(open))
        if (c != ' ') inside.push_back(c);
      auto inside_ends = [&](std::string_view w) { return inside.ends_with(std::string(w) + "）") || inside.ends_with(std::string(w) + ")"); };
      // (（图片由城东区委宣传部提供）: the pictures' source, said in words.)
      const bool pictures_from = (inside.starts_with("（图片") || inside.starts_with("(图片") || inside.starts_with("（照片") ||
                                  inside.starts_with("(照片")) && inside_ends("提供");
      if (before.ends_with("摄") || inside_ends("摄") || inside_ends("供图") || inside_ends("资料图片") ||
          (before.empty() && inside_ends("发")) || pictures_from)
        return true;
    }
  }
  const auto toks = tokens(line);
  if (toks.empty()) return false;
  const std::string_view last = toks.back();
  if (last == "摄" || last == "摄影" || last == "攝" || !after_photo_mark_slash(last).empty())
    return toks.size() >= 2;
  if (toks.size() >= 2 && last.ends_with("摄") && is_name(last.substr(0, last.size() - 3), false)) return true;
  return credit_after_sentence(last);
}

bool credit_after_sentence(std::string_view token) {
  // …戴设备。新华社记者王良摄: a caption's last sentence and its credit, run together where the
  // dump lost the space between them: a role, a name and 摄 after the sentence's end.
  constexpr std::string_view kShot = "摄";
  std::size_t stop = std::string_view::npos;
  for (std::string_view mark : {"。", "！", "？"})
    if (const std::size_t at = token.rfind(mark); at != std::string_view::npos && (stop == std::string_view::npos || at > stop))
      stop = at + mark.size();
  if (stop == std::string_view::npos || !token.ends_with(kShot)) return false;
  const std::string_view who = token.substr(stop, token.size() - stop - kShot.size());
  std::size_t cut = who.size();
  for (int chars = 1; chars <= 3 && cut > 0; ++chars) {
    unicode::prev(who, cut);  // the name's characters, from its end
    if (chars >= 2 && is_name(who.substr(cut), true) && role_suffix(who.substr(0, cut)) > 0) return true;
  }
  return false;
}

bool is_jump_line(std::string_view text) {
  for (std::string_view open : {"（", "("}) {
    if (!text.starts_with(open)) continue;
    std::string_view in = text.substr(open.size());
    for (std::string_view w : {"下转", "下轉", "上接", "紧接", "緊接", "转", "轉", "接"}) {
      if (!in.starts_with(w)) continue;
      in.remove_prefix(w.size());
      // 第3版, 第二版, A3版, then the closing bracket.
      return (in.ends_with("版）") || in.ends_with("版)")) && unicode::count(in) <= 8;
    }
  }
  // Without brackets only the two-character words, alone on the line: 下转第2版, 上接第1版.
  for (std::string_view w : {"下转", "下轉", "上接", "紧接", "緊接"})
    if (text.starts_with(w) && text.ends_with("版") && unicode::count(text) <= 8 && text.find("第") != std::string_view::npos)
      return true;
  return false;
}

Jump read_jump(std::string_view line) {
  Jump j;
  j.from = line.find("上接") != std::string_view::npos || line.find("接第") != std::string_view::npos ||
           line.find("紧接") != std::string_view::npos || line.find("緊接") != std::string_view::npos;
  std::size_t at = line.find("版");
  if (at == std::string_view::npos) return j;
  std::size_t b = line.rfind("第", at);
  b = b == std::string_view::npos ? 0 : b + std::string_view("第").size();
  std::string_view number = unicode::trim(line.substr(b, at - b));
  for (std::string_view w : {"（", "(", "下转", "下轉", "上接", "紧接", "緊接", "转", "轉", "接"})
    if (number.starts_with(w)) number.remove_prefix(w.size());
  // Chinese numerals up to 99: 二 → 2, 十二 → 12, 二十 → 20, 二十三 → 23.
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  int value = -1, tens = 0;
  for (std::size_t i = 0; i < number.size() && value != -2;) {
    const std::size_t from = i;
    unicode::next(number, i);
    const std::string_view c = number.substr(from, i - from);
    if (c == "十") {
      tens = (value < 0 ? 1 : value) * 10;
      value = 0;
      continue;
    }
    const auto d = std::find(std::begin(kDigits), std::end(kDigits), c);
    if (d == std::end(kDigits)) value = -2;
    else value = static_cast<int>(d - std::begin(kDigits));
  }
  if (value != -2 && (value >= 0 || tens > 0) && !number.empty()) j.page = std::to_string(tens + std::max(value, 0));
  else j.page = std::string(number);
  return j;
}

bool opens_with_an_adverbial(std::string_view text) {
  static constexpr std::array<std::u32string_view, 16> kWords = {U"日前", U"近日", U"近期", U"当天", U"当日", U"昨天", U"昨日", U"今天",
                                                                  U"今年以来", U"近年来", U"去年以来", U"入冬以来", U"此前", U"目前", U"其中", U"截至目前"};
  static constexpr std::array<std::u32string_view, 8> kPartOfDay = {U"上午", U"下午", U"中午", U"晚间", U"晚上", U"凌晨", U"早上", U"晚"};
  static constexpr std::array<std::u32string_view, 6> kSourceEnds = {U"报道", U"介绍", U"了解", U"统计", U"悉", U"显示"};
  constexpr std::size_t kClause = 16;  // characters an opening clause of these kinds takes at most
  auto digit = [](char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); };
  // (Most lines open with none of these: their first character says so at once.)
  std::size_t first_end = 0;
  const char32_t first = unicode::next(text, first_end);
  auto opens_one = [&](const auto& words) { return std::any_of(words.begin(), words.end(), [&](std::u32string_view w) { return w.front() == first; }); };
  if (!digit(first) && first != U'据' && first != U'截' && !opens_one(kWords) && !opens_one(kPartOfDay)) return false;
  std::array<char32_t, kClause + 1> buffer{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size() && n < buffer.size();) buffer[n++] = unicode::next(text, i);
  std::u32string_view h(buffer.data(), n);
  auto comma = [](std::u32string_view rest) { return !rest.empty() && (rest.front() == U'，' || rest.front() == U','); };
  for (std::u32string_view w : kWords)
    if (h.starts_with(w) && comma(h.substr(w.size()))) return true;
  // Where the news came from (据新华社报道，) or up to when it is counted (截至2025年底，).
  const std::size_t clause = std::min(h.find(U'，'), h.find(U','));
  if (clause != std::u32string_view::npos) {
    const std::u32string_view opening = h.substr(0, clause);
    if (opening.starts_with(U"截至")) return true;
    if (opening.starts_with(U"据"))
      for (std::u32string_view end : kSourceEnds)
        if (opening.ends_with(end)) return true;
  }
  // A date (digits and 年, 月 or 日, the last of them 日) or a clock time (3点, 7点半, 10时), perhaps
  // with a part of the day before or after.
  auto part_of_day = [&](std::u32string_view& rest) {
    for (std::u32string_view part : kPartOfDay)
      if (rest.starts_with(part)) {
        rest = rest.substr(part.size());
        return;
      }
  };
  part_of_day(h);
  std::size_t i = 0;
  char32_t unit = 0;
  while (i < h.size() && digit(h[i])) {
    while (i < h.size() && digit(h[i])) ++i;
    if (i == h.size() || (h[i] != U'年' && h[i] != U'月' && h[i] != U'日' && h[i] != U'点' && h[i] != U'时')) return false;
    unit = h[i++];
    if (unit == U'点' || unit == U'时') break;
  }
  if (unit == 0 || unit == U'年' || unit == U'月') return false;
  h = h.substr(i);
  if (unit == U'日') part_of_day(h);
  else if (h.starts_with(U"半")) h = h.substr(1);
  return comma(h);
}

bool opens_with_the_speaker(std::string_view text) {
  text = unicode::trim(text);
  const char32_t first = unicode::first(text);
  if (first != U'本' && first != U'记' && first != U'記' && first != U'主' && first != U'问' && first != U'問' && first != U'答') return false;
  for (std::string_view who : {"本报记者", "本報記者", "记者", "記者", "主持人", "问", "問", "答"})
    for (std::string_view colon : {"：", ":"})
      if (text.starts_with(who) && text.substr(who.size()).starts_with(colon) && text.size() > who.size() + colon.size())
        return true;
  return false;
}

bool opens_with_the_reporters_source(std::string_view text) {
  constexpr std::string_view kReporter = "记者";
  if (!text.starts_with(kReporter)) return false;
  text.remove_prefix(kReporter.size());
  for (std::string_view when : {"近日", "日前", "昨天", "今天"})
    if (text.starts_with(when)) {
      text.remove_prefix(when.size());
      break;
    }
  return text.starts_with("从");
}

// Numbered sections: a subhead that opens with an ordinal (一 必须…, 二、…, （三）…, 1. …).
bool is_numbered_section(std::string_view text) {
  std::size_t i = 0;
  char32_t c = unicode::next(text, i);
  const bool bracket = c == U'（' || c == U'(';
  if (bracket && i < text.size()) c = unicode::next(text, i);
  const bool ordinal = std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos || (c >= '1' && c <= '9');
  if (!ordinal || i >= text.size()) return false;
  const char32_t after = unicode::next(text, i);
  return bracket ? (after == U'）' || after == U')') : (after == U'、' || after == U' ' || after == U'\u3000' || after == U'.' || after == U'．');
}

bool is_brief_rubric(std::string_view text) {
  static constexpr std::array<std::string_view, 8> kBriefColumns = {"简讯", "快讯", "简报", "短讯", "速览", "速递", "集锦", "一句话新闻"};
  text = unicode::trim(text);
  const std::size_t n = unicode::count(text);
  if (n < 2 || n > 8) return false;
  for (auto w : kBriefColumns)
    if (text.ends_with(w)) return true;
  return false;
}

bool is_place_label(std::string_view text) {
  // China's provinces, autonomous regions, municipalities and special administrative regions.
  static constexpr std::array<std::string_view, 34> kProvinces = {
      "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
      "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
      "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"};
  // (A city's name after the province's: two or three characters, 杭州, 哈尔滨.)
  constexpr std::size_t kLeastCity = 2, kMostCity = 3, kMostBytes = 3 * (3 + kMostCity);
  text = unicode::trim(text);
  if (text.size() > kMostBytes) return false;
  for (auto province : kProvinces) {
    if (!text.starts_with(province)) continue;
    const std::string_view city = text.substr(province.size());
    const std::size_t n = unicode::count(city);
    return n >= kLeastCity && n <= kMostCity && !unicode::has_any(city, [](char32_t c) { return !unicode::is_han(c); });
  }
  return false;
}

bool is_photo_report_rubric(std::string_view text) {
  constexpr std::size_t kMaxChars = 6;
  text = unicode::trim(text);
  const std::size_t n = unicode::count(text);
  return n >= 4 && n <= kMaxChars && text.ends_with("报道");
}

bool is_section_name(std::string_view text) {
  static constexpr std::array<std::string_view, 16> kSections = {
      "新闻", "要闻", "综合", "专版", "专刊", "周刊", "副刊", "特刊", "评论", "时评", "观察", "视点", "文化", "理论", "区县", "图片"};
  const std::size_t n = unicode::count(text);
  if (n < 2 || n > 8) return false;
  for (std::size_t i = 0; i < text.size();)
    if (!unicode::is_han(unicode::next(text, i))) return false;
  for (auto w : kSections)
    if (text.ends_with(w)) return true;
  return false;
}

bool is_section_word(std::string_view token, bool after_label) {
  constexpr std::size_t kSectionChars = 4;
  return is_section_name(token) || (after_label && unicode::count(token) <= kSectionChars && !unicode::has_any(token, is_prose_mark));
}

bool is_labelled_section(std::string_view text) {
  // Two tokens, one a page label: most lines hold no space and go at once.
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view first = text.substr(0, space), second = unicode::trim(text.substr(space));
  if (first.empty() || second.empty() || second.find(' ') != std::string_view::npos) return false;
  return (is_page_label(first) && is_section_word(second, true)) || (is_page_label(second) && is_section_name(first));
}

bool is_campaign_banner(std::string_view text) {
  static constexpr std::array<std::string_view, 4> kCalls = {"深入学习贯彻", "认真学习贯彻", "学习宣传贯彻", "学习贯彻"};
  constexpr std::size_t kMostChars = 36;  // a banner runs across the page, a headline's length at most
  text = unicode::trim(text);
  if (!text.ends_with("精神") || unicode::count(text) > kMostChars ||
      unicode::has_any(text, [](char32_t c) { return is_sentence_mark(c) || is_item_mark(c); }))
    return false;
  for (auto w : kCalls)
    if (text.starts_with(w)) return true;
  return false;
}

bool Tokens::find(std::size_t& from, std::string_view& token) const {
  auto is_separator = [this](char32_t c) {
    return unicode::is_space(c) || (sep_ == Between::Names && (c == U'、' || c == U'，' || c == U','));
  };
  std::size_t i = from, start = std::string_view::npos;
  while (i < text_.size()) {
    const std::size_t at = i;
    if (unicode::is_han_block_lead(static_cast<unsigned char>(text_[i])) && i + 2 < text_.size()) {
      i += 3;  // a Han character: never a separator
      if (start == std::string_view::npos) start = at;
      continue;
    }
    const char32_t c = unicode::next(text_, i);
    if (!is_separator(c)) {
      if (start == std::string_view::npos) start = at;
    } else if (start != std::string_view::npos) {
      token = text_.substr(start, at - start);
      from = i;
      return true;
    }
  }
  from = i;
  if (start == std::string_view::npos) return false;
  token = text_.substr(start);
  return true;
}

std::size_t Tokens::size() const {
  std::size_t n = 0;
  for (auto it = begin(); it != end(); ++it) ++n;
  return n;
}

std::string_view Tokens::back() const {
  std::string_view last;
  for (std::string_view t : *this) last = t;
  return last;
}

}  // namespace newsplit::conventions
