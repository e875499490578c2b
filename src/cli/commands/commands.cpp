// The table of commands: a new command is a file in this folder and a row here.
#include "commands.hpp"

namespace newsplit::cli {

namespace {

constexpr CommandInfo kCommands[] = {
    {"split", "Articles as records (the default command)",
     "  newsplit pages/*.txt > articles.jsonl\n"
     "  newsplit -f csv --fields date,page_no,title,authors pages/*.txt > articles.csv\n"
     "  newsplit --all -f md page.txt | less",
     make_split},
    {"clean", "Cleaned text only: headline and paragraphs, one per line",
     "  newsplit clean page.txt\n"
     "  cat pages/*.txt | newsplit clean > text.txt",
     make_clean},
    {"count", "Keyword counts in the cleaned article text",
     "  newsplit count -k 社区 -k 城市更新 pages/*.txt\n"
     "  newsplit count -K terms.txt --by file -f csv pages/*.txt > counts.csv\n"
     "  newsplit count --top 20 --dict mywords.txt pages/*.txt",
     make_count},
    {"kwic", "Every occurrence of each keyword, with its context",
     "  newsplit kwic -k 社区 pages/*.txt | less -S\n"
     "  newsplit kwic -K terms.txt -w 30 -f csv pages/*.txt > hits.csv",
     make_kwic},
    {"stats", "One summary row per input file",
     "  newsplit stats pages/*.txt\n"
     "  newsplit stats -f csv pages/*.txt > stats.csv",
     make_stats},
    {"explain", "How each page was read: units, roles, rules and layout",
     "  newsplit explain page.txt | less\n"
     "  newsplit explain -f json page.txt | jq '.runs'",
     make_explain},
};

}  // namespace

std::span<const CommandInfo> commands() { return kCommands; }

}  // namespace newsplit::cli
