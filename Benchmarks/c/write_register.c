/*
 * write_register — the C baseline of the write stage: the register book (发放花名册) of a roster, read with
 * libcsv and written with libxlsxwriter in constant_memory mode, the same cells as
 * Benchmarks/py/register_xlsxwriter.py (Benchmarks/README.md describes them):
 *
 *   sheet 花名册  row 1  merged title  示例县第一中学2026年秋季学期普通高中国家助学金发放花名册
 *                row 2  填报单位（盖章）：示例县第一中学 … 单位：元
 *                row 3  header 序号 姓名 性别 身份证号 学籍号 班级 困难等级 资助金额 银行卡号 开户行 联系电话 备注
 *                rows   one per student: IDs, 学籍号, card and phone as text ("@"), amount as a number
 *                       "#,##0.00", thin borders; in-cell CRLF folded to LF
 *                合计   人数, =SUM(…) with its cached value, the amount in words (人民币大写), merged
 *                       单位负责人 / 审核人 / 经办人 / 填表日期
 *                A4 landscape, fit to one page wide, header row repeated, page X of Y, frozen header,
 *                "number stored as text" warnings ignored on the identifier columns
 *   sheet 汇总    per class: 人数 and 金额 per tier, total; a 合计 row of formulas with cached values
 *
 *   write_register INPUT.csv OUTPUT.xlsx
 *
 * Every libcsv and libxlsxwriter return code is checked. Amounts are parsed as integer fen.
 */
#include <csv.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define CHUNK (1 << 20)
#define MAX_FIELDS 64
#define TITLE "示例县第一中学2026年秋季学期普通高中国家助学金发放花名册"

enum { C_SERIAL, C_NAME, C_GENDER, C_ID, C_SN, C_CLASS, C_LEVEL, C_AMOUNT, C_CARD, C_BANK, C_PHONE, C_REMARK, NCOLS };
static const char *HEADERS[NCOLS] = {"序号", "姓名", "性别", "身份证号", "学籍号", "班级", "困难等级",
                                     "资助金额", "银行卡号", "开户行", "联系电话", "备注"};
static const double WIDTHS[NCOLS] = {6, 10, 5, 21, 22, 14, 10, 12, 23, 18, 14, 24};
static const int TEXT_COLUMN[NCOLS] = {0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0};
static const char *TIERS[3] = {"特别困难", "困难", "一般困难"};

struct class_summary {
    char name[64];
    long long count[3], fen[3];
};

struct context {
    /* the current record's fields, NUL-terminated, in one growing buffer */
    char *bytes;
    size_t len, cap;
    size_t starts[MAX_FIELDS];
    int nfields;
    int header_done;
    int source[NCOLS]; /* CSV column of each register column */
    lxw_worksheet *sheet;
    lxw_format *text, *cell, *money;
    lxw_row_t row;
    long long students, total_fen;
    struct class_summary *classes;
    size_t nclasses, class_cap;
    int failed;
};

static void die_lxw(lxw_error err, const char *what) {
    fprintf(stderr, "%s: %s\n", what, lxw_strerror(err));
    exit(1);
}
#define CHECK(call)                               \
    do {                                          \
        lxw_error err_ = (call);                  \
        if (err_ != LXW_NO_ERROR) die_lxw(err_, #call); \
    } while (0)

static int never_space(unsigned char c) {
    (void)c;
    return 0;
}

static void on_field(void *field, size_t len, void *data) {
    struct context *c = data;
    if (c->nfields >= MAX_FIELDS) return;
    if (c->len + len + 1 > c->cap) {
        while (c->len + len + 1 > c->cap) c->cap *= 2;
        c->bytes = realloc(c->bytes, c->cap);
        if (!c->bytes) exit(1);
    }
    c->starts[c->nfields++] = c->len;
    /* fold in-cell CRLF to LF, Excel's own line break */
    const char *src = field;
    char *dst = c->bytes + c->len;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\r' && i + 1 < len && src[i + 1] == '\n') continue;
        *dst++ = src[i];
    }
    *dst++ = '\0';
    c->len = (size_t)(dst - c->bytes);
}

static const char *field(struct context *c, int column) {
    int source = c->source[column];
    if (source < 0 || source >= c->nfields) return "";
    return c->bytes + c->starts[source];
}

/* "1150", "1150.5", "1,150.00" → fen; -1 when not an amount */
static long long parse_fen(const char *s) {
    long long yuan = 0, fraction = 0;
    int digits = 0, decimals = -1;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (decimals >= 0) {
                if (++decimals > 2) return -1;
                fraction = fraction * 10 + (*s - '0');
            } else {
                yuan = yuan * 10 + (*s - '0');
                digits++;
            }
        } else if (*s == '.' && decimals < 0) {
            decimals = 0;
        } else if (*s != ',') {
            return -1;
        }
    }
    if (digits == 0 && decimals <= 0) return -1;
    if (decimals == 1) fraction *= 10;
    return yuan * 100 + fraction;
}

static int tier_of(const char *level) {
    for (int i = 0; i < 3; i++)
        if (strcmp(level, TIERS[i]) == 0) return i;
    return -1;
}

static void on_record(int terminator, void *data) {
    (void)terminator;
    struct context *c = data;
    if (!c->header_done) {
        for (int k = 0; k < NCOLS; k++) {
            c->source[k] = -1;
            for (int f = 0; f < c->nfields; f++)
                if (strcmp(c->bytes + c->starts[f], HEADERS[k]) == 0) c->source[k] = f;
        }
        c->header_done = 1;
    } else if (c->nfields > 1) {
        lxw_row_t r = c->row++;
        long long fen = parse_fen(field(c, C_AMOUNT));
        c->students++;
        CHECK(worksheet_write_number(c->sheet, r, C_SERIAL, (double)c->students, c->cell));
        for (int k = 1; k < NCOLS; k++) {
            if (k == C_AMOUNT) {
                if (fen >= 0) {
                    CHECK(worksheet_write_number(c->sheet, r, (lxw_col_t)k, (double)fen / 100.0, c->money));
                } else {
                    CHECK(worksheet_write_string(c->sheet, r, (lxw_col_t)k, field(c, k), c->cell));
                }
                continue;
            }
            CHECK(worksheet_write_string(c->sheet, r, (lxw_col_t)k, field(c, k), TEXT_COLUMN[k] ? c->text : c->cell));
        }
        if (fen > 0) c->total_fen += fen;
        const char *class_name = field(c, C_CLASS);
        if (c->nclasses == 0 || strcmp(c->classes[c->nclasses - 1].name, class_name) != 0) {
            if (c->nclasses == c->class_cap) {
                c->class_cap = c->class_cap ? c->class_cap * 2 : 256;
                c->classes = realloc(c->classes, c->class_cap * sizeof *c->classes);
                if (!c->classes) exit(1);
            }
            struct class_summary *s = &c->classes[c->nclasses++];
            memset(s, 0, sizeof *s);
            snprintf(s->name, sizeof s->name, "%s", class_name);
        }
        int tier = tier_of(field(c, C_LEVEL));
        if (tier >= 0 && fen > 0) {
            c->classes[c->nclasses - 1].count[tier]++;
            c->classes[c->nclasses - 1].fen[tier] += fen;
        }
    }
    c->len = 0;
    c->nfields = 0;
}

/* 人民币大写 per 《支付结算办法》 as DOMAIN.md spells it out: 1409.50 → 人民币壹仟肆佰零玖元伍角整 */
static void amount_in_words(long long fen, char *out, size_t cap) {
    static const char *DIGITS[10] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    static const char *UNITS[4] = {"", "拾", "佰", "仟"};
    static const char *SECTIONS[4] = {"", "万", "亿", "万亿"};
    long long yuan = fen / 100;
    int jiao = (int)(fen / 10 % 10), cents = (int)(fen % 10);
    out[0] = '\0';
    strncat(out, "人民币", cap - strlen(out) - 1);
    if (yuan > 0) {
        int sections[5], nsections = 0;
        for (long long y = yuan; y > 0 && nsections < 5; y /= 10000) sections[nsections++] = (int)(y % 10000);
        int wrote = 0, zero = 0;
        for (int s = nsections - 1; s >= 0; s--) {
            int value = sections[s];
            for (int d = 3; d >= 0; d--) {
                int p = 1;
                for (int i = 0; i < d; i++) p *= 10;
                int digit = value / p % 10;
                if (digit == 0) {
                    if (wrote) zero = 1;
                } else {
                    if (zero) strncat(out, "零", cap - strlen(out) - 1);
                    strncat(out, DIGITS[digit], cap - strlen(out) - 1);
                    strncat(out, UNITS[d], cap - strlen(out) - 1);
                    zero = 0;
                    wrote = 1;
                }
            }
            if (value != 0 && s > 0) {
                strncat(out, SECTIONS[s], cap - strlen(out) - 1);
                zero = 0; /* the official first form: no 零 right after 万 */
            }
        }
        strncat(out, "元", cap - strlen(out) - 1);
    }
    if (jiao == 0 && cents == 0) {
        if (yuan == 0) strncat(out, "零元", cap - strlen(out) - 1);
        strncat(out, "整", cap - strlen(out) - 1);
        return;
    }
    if (yuan > 0 && (jiao == 0 || yuan % 10 == 0)) strncat(out, "零", cap - strlen(out) - 1);
    if (jiao != 0) {
        strncat(out, DIGITS[jiao], cap - strlen(out) - 1);
        strncat(out, "角", cap - strlen(out) - 1);
    }
    if (cents != 0) {
        strncat(out, DIGITS[cents], cap - strlen(out) - 1);
        strncat(out, "分", cap - strlen(out) - 1);
    } else {
        strncat(out, "整", cap - strlen(out) - 1);
    }
}

static int self_test(void) {
    static const struct { long long fen; const char *words; } cases[] = {
        {140950, "人民币壹仟肆佰零玖元伍角整"}, {600714, "人民币陆仟零柒元壹角肆分"},
        {168032, "人民币壹仟陆佰捌拾元零叁角贰分"}, {1640902, "人民币壹万陆仟肆佰零玖元零贰分"},
        {10700053, "人民币壹拾万柒仟元零伍角叁分"}, {10000000, "人民币壹拾万元整"},
        {32504, "人民币叁佰贰拾伍元零肆分"}, {50, "人民币伍角整"}, {10001000, "人民币壹拾万零壹拾元整"},
        {100000005, "人民币壹佰万元零伍分"},
    };
    char buf[256];
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        amount_in_words(cases[i].fen, buf, sizeof buf);
        if (strcmp(buf, cases[i].words) != 0) {
            printf("FAIL %lld: %s (want %s)\n", cases[i].fen, buf, cases[i].words);
            failures++;
        }
    }
    printf("%s\n", failures ? "self-test failed" : "self-test passed");
    return failures ? 1 : 0;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--self-test") == 0) return self_test();
    if (argc != 3) {
        fprintf(stderr, "usage: %s INPUT.csv OUTPUT.xlsx | --self-test\n", argv[0]);
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        perror(argv[1]);
        return 1;
    }
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    lxw_workbook *book = workbook_new_opt(argv[2], &options);
    if (!book) {
        fprintf(stderr, "cannot create %s\n", argv[2]);
        return 1;
    }
    lxw_worksheet *sheet = workbook_add_worksheet(book, "花名册");
    lxw_worksheet *summary = workbook_add_worksheet(book, "汇总");
    if (!sheet || !summary) return 1;

    lxw_format *title = workbook_add_format(book);
    format_set_bold(title);
    format_set_font_size(title, 16);
    format_set_align(title, LXW_ALIGN_CENTER);
    format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format *plain = workbook_add_format(book);
    lxw_format *header = workbook_add_format(book);
    format_set_bold(header);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_text_wrap(header);
    lxw_format *cell = workbook_add_format(book);
    format_set_border(cell, LXW_BORDER_THIN);
    lxw_format *text = workbook_add_format(book);
    format_set_border(text, LXW_BORDER_THIN);
    format_set_num_format(text, "@");
    lxw_format *money = workbook_add_format(book);
    format_set_border(money, LXW_BORDER_THIN);
    format_set_num_format(money, "#,##0.00");
    lxw_format *total_text = workbook_add_format(book);
    format_set_bold(total_text);
    format_set_border(total_text, LXW_BORDER_THIN);
    lxw_format *total_money = workbook_add_format(book);
    format_set_bold(total_money);
    format_set_border(total_money, LXW_BORDER_THIN);
    format_set_num_format(total_money, "#,##0.00");

    for (int k = 0; k < NCOLS; k++) CHECK(worksheet_set_column(sheet, (lxw_col_t)k, (lxw_col_t)k, WIDTHS[k], NULL));
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);
    worksheet_fit_to_pages(sheet, 1, 0);
    CHECK(worksheet_repeat_rows(sheet, 2, 2));
    CHECK(worksheet_set_footer(sheet, "&C第 &P 页，共 &N 页"));
    worksheet_freeze_panes(sheet, 3, 0);

    CHECK(worksheet_set_row(sheet, 0, 30, NULL));
    CHECK(worksheet_merge_range(sheet, 0, 0, 0, NCOLS - 1, TITLE, title));
    CHECK(worksheet_merge_range(sheet, 1, 0, 1, 5, "填报单位（盖章）：示例县第一中学", plain));
    CHECK(worksheet_write_string(sheet, 1, NCOLS - 1, "单位：元", plain));
    for (int k = 0; k < NCOLS; k++) CHECK(worksheet_write_string(sheet, 2, (lxw_col_t)k, HEADERS[k], header));

    struct context c = {0};
    c.cap = 4096;
    c.bytes = malloc(c.cap);
    c.sheet = sheet;
    c.text = text;
    c.cell = cell;
    c.money = money;
    c.row = 3;
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return 1;
    csv_set_space_func(&parser, never_space);
    char *buf = malloc(CHUNK);
    int first = 1;
    for (;;) {
        ssize_t n = read(fd, buf, CHUNK);
        if (n < 0) {
            perror("read");
            return 1;
        }
        if (n == 0) break;
        char *data = buf;
        size_t len = (size_t)n;
        if (first && len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
            data += 3;
            len -= 3;
        }
        first = 0;
        if (csv_parse(&parser, data, len, on_field, on_record, &c) != len) {
            fprintf(stderr, "csv_parse: %s near record %lld\n", csv_strerror(csv_error(&parser)), c.students + 2);
            return 1;
        }
    }
    if (csv_fini(&parser, on_field, on_record, &c) != 0) {
        fprintf(stderr, "csv_fini: %s\n", csv_strerror(csv_error(&parser)));
        return 1;
    }
    csv_free(&parser);
    close(fd);

    /* 合计, the amount in words, signatures */
    lxw_row_t r = c.row;
    char formula[64], count[32], words[256];
    snprintf(formula, sizeof formula, "=SUM(H4:H%u)", (unsigned)r);
    snprintf(count, sizeof count, "%lld人", c.students);
    amount_in_words(c.total_fen, words, sizeof words);
    CHECK(worksheet_write_string(sheet, r, 0, "合计", total_text));
    CHECK(worksheet_write_string(sheet, r, 1, count, total_text));
    CHECK(worksheet_merge_range(sheet, r, 2, r, 6, "", total_text));
    CHECK(worksheet_write_formula_num(sheet, r, C_AMOUNT, formula, total_money, (double)c.total_fen / 100.0));
    CHECK(worksheet_merge_range(sheet, r, 8, r, NCOLS - 1, words, total_text));
    CHECK(worksheet_write_string(sheet, r + 2, 0, "单位负责人：", plain));
    CHECK(worksheet_write_string(sheet, r + 2, 3, "审核人：", plain));
    CHECK(worksheet_write_string(sheet, r + 2, 6, "经办人：", plain));
    CHECK(worksheet_write_string(sheet, r + 2, 9, "填表日期：    年  月  日", plain));
    /* no green triangles on the identifier columns (ID, card, phone): one sqref, space-separated ranges */
    char ranges[96];
    snprintf(ranges, sizeof ranges, "D4:D%u I4:I%u K4:K%u", (unsigned)r, (unsigned)r, (unsigned)r);
    CHECK(worksheet_ignore_errors(sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, ranges));

    /* 汇总 */
    static const char *SUMMARY_HEADERS[] = {"班级", "人数", "特别困难人数", "特别困难金额", "困难人数", "困难金额",
                                            "一般困难人数", "一般困难金额", "金额合计"};
    CHECK(worksheet_set_column(summary, 0, 0, 16, NULL));
    CHECK(worksheet_set_column(summary, 1, 8, 14, NULL));
    for (int k = 0; k < 9; k++) CHECK(worksheet_write_string(summary, 0, (lxw_col_t)k, SUMMARY_HEADERS[k], header));
    long long grand[3][2] = {{0}};
    for (size_t i = 0; i < c.nclasses; i++) {
        struct class_summary *s = &c.classes[i];
        lxw_row_t sr = (lxw_row_t)(i + 1);
        long long people = s->count[0] + s->count[1] + s->count[2];
        long long fen = s->fen[0] + s->fen[1] + s->fen[2];
        CHECK(worksheet_write_string(summary, sr, 0, s->name, cell));
        CHECK(worksheet_write_number(summary, sr, 1, (double)people, cell));
        for (int t = 0; t < 3; t++) {
            CHECK(worksheet_write_number(summary, sr, (lxw_col_t)(2 + 2 * t), (double)s->count[t], cell));
            CHECK(worksheet_write_number(summary, sr, (lxw_col_t)(3 + 2 * t), (double)s->fen[t] / 100.0, money));
            grand[t][0] += s->count[t];
            grand[t][1] += s->fen[t];
        }
        CHECK(worksheet_write_number(summary, sr, 8, (double)fen / 100.0, money));
    }
    lxw_row_t sr = (lxw_row_t)(c.nclasses + 1);
    CHECK(worksheet_write_string(summary, sr, 0, "合计", total_text));
    static const char COLS[] = "BCDEFGHI";
    double cached[8] = {(double)(grand[0][0] + grand[1][0] + grand[2][0])};
    for (int t = 0; t < 3; t++) {
        cached[1 + 2 * t] = (double)grand[t][0];
        cached[2 + 2 * t] = (double)grand[t][1] / 100.0;
    }
    cached[7] = (double)(grand[0][1] + grand[1][1] + grand[2][1]) / 100.0;
    for (int k = 0; k < 8; k++) {
        snprintf(formula, sizeof formula, "=SUM(%c2:%c%u)", COLS[k], COLS[k], (unsigned)sr);
        CHECK(worksheet_write_formula_num(summary, sr, (lxw_col_t)(1 + k), formula,
                                          (k % 2 == 0 && k != 0) || k == 7 ? total_money : total_text, cached[k]));
    }

    CHECK(workbook_close(book));
    printf("rows=%lld classes=%zu total=%lld.%02lld\n", c.students, c.nclasses, c.total_fen / 100, c.total_fen % 100);
    free(c.bytes);
    free(c.classes);
    free(buf);
    return 0;
}
