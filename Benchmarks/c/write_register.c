/*
 * write_register — the C baseline of the write stage: the register book (发放花名册) of a roster, read with
 * libcsv and written with libxlsxwriter in constant_memory mode, cell for cell, format for format what
 * `zizhu register` (Sources/ZizhuExport/RegisterBook.swift, OfficialLook.swift) writes under the default
 * policy for a roster in class order:
 *
 *   sheet 花名册  row 1  merged title 示例县第一中学2026年秋季学期普通高中国家助学金发放花名册 (宋体 18 bold)
 *                row 2  填报单位（盖章）：示例县第一中学 (A:I) … 单位：元 (J:N)
 *                row 3  序号 姓名 性别 身份证号 学籍号 年级 班级 困难类型 困难等级 资助金额 银行卡号 开户行 持卡人 备注
 *                rows   one per accepted student, numbered 1…n; 身份证号, 学籍号 and 银行卡号 as text ("@"), the
 *                       amount a number "#,##0.00" (parsed as integer fen), 持卡人 = the 持卡人 column or the
 *                       name, 备注 an empty bordered cell; absent columns (年级, 困难类型) empty bordered cells
 *                合计   人数 (0"人"), 大写：人民币…, =SUM(J…) with its cached value; two rows below 单位负责人 /
 *                       审核人 / 经办人 / 填表日期
 *                column widths from the headers and the first 2,000 rows (a CJK character counts 2); A4
 *                landscape, one page wide, header row repeated, footer title + 第 X 页，共 Y 页, margins,
 *                centred; frozen at C4; "number stored as text" ignored on D, E and K
 *   sheet 汇总    per class: 序号 年级 班级, 人数 and 金额 per tier (and 其他 when a level is not a tier) and in
 *                total; a 合计 row of =SUM formulas with cached values, the total in words, the 资助标准 line
 *                and the signature line
 *   document properties: title, subject 普通高中国家助学金, author zizhu, company, category 学生资助
 *
 * Rows zizhu returns are left out, as zizhu leaves them out of its register. The benchmark roster is clean
 * except for one rule: the default bank template (generic: GBK, comma-separated) cannot carry a name with
 * 䶮 or 𬭚 (bank-value-unwritable), about 0.2 % of rows. This program applies that rule the way zizhu does
 * (card, 户名, ID and class note: no comma or line break, and encodable in GBK, asked of iconv only when
 * the bytes are not plainly ASCII or CJK U+4E00–U+9FA5) and trusts the roster for every other rule. The
 * roster must be in class order (it is; Benchmarks/run.py proves the cells against zizhu's register).
 *
 *   write_register INPUT.csv OUTPUT.xlsx | --self-test
 *
 * Every libcsv and libxlsxwriter return code is checked.
 */
#include <csv.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define CHUNK (1 << 20)
#define MAX_FIELDS 64
#define SCHOOL "示例县第一中学"
#define ROUND_TITLE SCHOOL "2026年秋季学期普通高中国家助学金"
#define TITLE ROUND_TITLE "发放花名册"
#define SUMMARY_TITLE ROUND_TITLE "发放汇总表"
#define FILL_DATE "填表日期：      年    月    日"
#define FIRST_DATA_ROW 3
#define SAMPLE_ROWS 2000

/* Register columns (RegisterBook.headers). */
enum { R_SERIAL, R_NAME, R_GENDER, R_ID, R_SN, R_GRADE, R_CLASS, R_CATEGORY, R_LEVEL, R_AMOUNT, R_CARD, R_BANK,
       R_HOLDER, R_REMARK, NCOLS };
static const char *HEADERS[NCOLS] = {"序号", "姓名", "性别", "身份证号", "学籍号", "年级", "班级", "困难类型",
                                     "困难等级", "资助金额", "银行卡号", "开户行", "持卡人", "备注"};
/* Roster columns read (matched by exact header); absent ones read as "". */
enum { S_NAME, S_GENDER, S_ID, S_SN, S_GRADE, S_CLASS, S_CATEGORY, S_LEVEL, S_AMOUNT, S_CARD, S_BANK, S_HOLDER,
       NSOURCES };
static const char *SOURCE_HEADERS[NSOURCES] = {"姓名", "性别", "身份证号", "学籍号", "年级", "班级", "困难类型",
                                               "困难等级", "资助金额", "银行卡号", "开户行", "持卡人"};
#define NTIERS 3
static const char *TIERS[NTIERS] = {"特别困难", "困难", "一般困难"};
static const char *STANDARDS = "资助标准：特别困难 1,500.00 元/人，困难 1,150.00 元/人，一般困难 800.00 元/人。";

struct class_summary {
    char grade[64], name[64];
    long long count[NTIERS + 1], fen[NTIERS + 1]; /* the policy's tiers, then 其他 */
};

struct formats {
    lxw_format *title, *line, *line_right, *header, *text, *text_center, *identifier, *serial, *money, *count,
        *total_label, *total_count, *total_money, *total_text;
};

struct context {
    /* the current record's fields, NUL-terminated, in one growing buffer */
    char *bytes;
    size_t len, cap;
    size_t starts[MAX_FIELDS];
    int nfields;
    int header_done;
    int source[NSOURCES];
    lxw_worksheet *sheet;
    struct formats *f;
    lxw_row_t row;
    long long students, returned, total_fen;
    int widths[NCOLS];
    struct class_summary *classes;
    size_t nclasses, class_cap;
    iconv_t gbk;
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
    memcpy(c->bytes + c->len, field, len);
    c->bytes[c->len + len] = '\0';
    c->len += len + 1;
}

static const char *field(struct context *c, int source) {
    int column = c->source[source];
    if (column < 0 || column >= c->nfields) return "";
    return c->bytes + c->starts[column];
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
    for (int i = 0; i < NTIERS; i++)
        if (strcmp(level, TIERS[i]) == 0) return i;
    return NTIERS;
}

/* DisplayWidth.of: East Asian wide characters count 2, others 1; the widest line. */
static int display_width(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    int widest = 0, current = 0;
    while (*p) {
        uint32_t u;
        if (*p < 0x80) {
            u = *p++;
        } else if ((*p & 0xE0) == 0xC0 && p[1]) {
            u = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
            p += 2;
        } else if ((*p & 0xF0) == 0xE0 && p[1] && p[2]) {
            u = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            p += 3;
        } else if (p[1] && p[2] && p[3]) {
            u = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
                (p[3] & 0x3F);
            p += 4;
        } else {
            break;
        }
        if (u == '\n') {
            if (current > widest) widest = current;
            current = 0;
            continue;
        }
        int wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0x303E) || (u >= 0x3041 && u <= 0x33FF) ||
                   (u >= 0x3400 && u <= 0x4DBF) || (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xA000 && u <= 0xA4CF) ||
                   (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) ||
                   (u >= 0xFF00 && u <= 0xFF60) || (u >= 0xFFE0 && u <= 0xFFE6) ||
                   (u >= 0x20000 && u <= 0x2FFFD) || (u >= 0x30000 && u <= 0x3FFFD);
        current += wide ? 2 : 1;
    }
    return current > widest ? current : widest;
}

static void widen(int *width, const char *value) {
    int w = display_width(value);
    if (w > *width) *width = w;
}

/* The generic bank template's test (BankUpload.Encoder.problem): no comma, CR or LF, and every character
 * encodable in GBK — plain ASCII and CJK U+4E00–U+9FA5 surely are; anything else is asked of iconv. */
static int bank_writable(struct context *c, const char *value) {
    const unsigned char *p = (const unsigned char *)value;
    int plain = 1;
    for (; *p; p++) {
        if (*p == ',' || *p == '\r' || *p == '\n') return 0;
        if (*p >= 0x80 && plain) {
            if (*p >= 0xE4 && *p <= 0xE9 && p[1] && p[2]) {
                uint32_t u = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
                if (u >= 0x4E00 && u <= 0x9FA5) {
                    p += 2;
                    continue;
                }
            }
            plain = 0;
        }
    }
    if (plain) return 1;
    char out[1024];
    char *in = (char *)value, *o = out;
    size_t inleft = strlen(value), outleft = sizeof out;
    iconv(c->gbk, NULL, NULL, NULL, NULL);
    return iconv(c->gbk, &in, &inleft, &o, &outleft) != (size_t)-1 && inleft == 0;
}

/* 高一(1)班: the class, prefixed with the grade when it does not already say it (ClassOrder.label). */
static void class_label(const char *grade, const char *name, char *out, size_t cap) {
    if (!*name) snprintf(out, cap, "%s", *grade ? grade : "未填班级");
    else if (!*grade || strncmp(name, grade, strlen(grade)) == 0) snprintf(out, cap, "%s", name);
    else snprintf(out, cap, "%s%s", grade, name);
}

static void write_text(lxw_worksheet *sheet, lxw_row_t r, lxw_col_t col, const char *text, lxw_format *format) {
    CHECK(worksheet_write_string(sheet, r, col, text, format)); /* "" writes a formatted blank */
}

static void on_record(int terminator, void *data) {
    (void)terminator;
    struct context *c = data;
    if (!c->header_done) {
        for (int k = 0; k < NSOURCES; k++) {
            c->source[k] = -1;
            for (int f = 0; f < c->nfields; f++)
                if (strcmp(c->bytes + c->starts[f], SOURCE_HEADERS[k]) == 0) c->source[k] = f;
        }
        c->header_done = 1;
    } else if (c->nfields > 1) {
        const char *name = field(c, S_NAME), *grade = field(c, S_GRADE), *class_name = field(c, S_CLASS);
        const char *holder = field(c, S_HOLDER);
        if (!*holder) holder = name;
        char label[160];
        class_label(grade, class_name, label, sizeof label);
        if (!bank_writable(c, field(c, S_CARD)) || !bank_writable(c, holder) || !bank_writable(c, field(c, S_ID)) ||
            !bank_writable(c, label)) {
            c->returned++; /* bank-value-unwritable: returned, not in the register */
            c->len = 0;
            c->nfields = 0;
            return;
        }
        struct formats *f = c->f;
        lxw_worksheet *s = c->sheet;
        lxw_row_t r = c->row++;
        long long fen = parse_fen(field(c, S_AMOUNT));
        c->students++;
        CHECK(worksheet_write_number(s, r, R_SERIAL, (double)c->students, f->serial));
        write_text(s, r, R_NAME, name, f->text_center);
        write_text(s, r, R_GENDER, field(c, S_GENDER), f->text_center);
        write_text(s, r, R_ID, field(c, S_ID), f->identifier);
        write_text(s, r, R_SN, field(c, S_SN), f->identifier);
        write_text(s, r, R_GRADE, grade, f->text_center);
        write_text(s, r, R_CLASS, class_name, f->text_center);
        write_text(s, r, R_CATEGORY, field(c, S_CATEGORY), f->text_center);
        write_text(s, r, R_LEVEL, field(c, S_LEVEL), f->text_center);
        if (fen >= 0) {
            CHECK(worksheet_write_number(s, r, R_AMOUNT, (double)fen / 100.0, f->money));
        } else {
            CHECK(worksheet_write_blank(s, r, R_AMOUNT, f->money));
        }
        write_text(s, r, R_CARD, field(c, S_CARD), f->identifier);
        write_text(s, r, R_BANK, field(c, S_BANK), f->text);
        write_text(s, r, R_HOLDER, holder, f->text_center);
        CHECK(worksheet_write_blank(s, r, R_REMARK, f->text));
        if (fen > 0) c->total_fen += fen;
        if (c->students <= SAMPLE_ROWS) {
            const char *values[NCOLS] = {"99999", name, field(c, S_GENDER), field(c, S_ID), field(c, S_SN), grade,
                                         class_name, field(c, S_CATEGORY), field(c, S_LEVEL), "1,500,000.00",
                                         field(c, S_CARD), field(c, S_BANK), holder, "备注"};
            for (int k = 0; k < NCOLS; k++) widen(&c->widths[k], values[k]);
        }
        if (c->nclasses == 0 || strcmp(c->classes[c->nclasses - 1].name, class_name) != 0 ||
            strcmp(c->classes[c->nclasses - 1].grade, grade) != 0) {
            if (c->nclasses == c->class_cap) {
                c->class_cap = c->class_cap ? c->class_cap * 2 : 256;
                c->classes = realloc(c->classes, c->class_cap * sizeof *c->classes);
                if (!c->classes) exit(1);
            }
            struct class_summary *cs = &c->classes[c->nclasses++];
            memset(cs, 0, sizeof *cs);
            snprintf(cs->grade, sizeof cs->grade, "%s", grade);
            snprintf(cs->name, sizeof cs->name, "%s", class_name);
        }
        int tier = tier_of(field(c, S_LEVEL));
        c->classes[c->nclasses - 1].count[tier]++;
        c->classes[c->nclasses - 1].fen[tier] += fen > 0 ? fen : 0;
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

/* The formats of OfficialFormats, created in its order: 宋体 11, vertically centred; cells with thin borders. */
static lxw_format *official(lxw_workbook *book, int border) {
    lxw_format *f = workbook_add_format(book);
    if (!f) exit(1);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 11);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (border) format_set_border(f, LXW_BORDER_THIN);
    return f;
}

static void create_formats(lxw_workbook *book, struct formats *f) {
    f->title = official(book, 0);
    format_set_font_size(f->title, 18);
    format_set_bold(f->title);
    format_set_align(f->title, LXW_ALIGN_CENTER);
    f->line = official(book, 0);
    format_set_align(f->line, LXW_ALIGN_LEFT);
    f->line_right = official(book, 0);
    format_set_align(f->line_right, LXW_ALIGN_RIGHT);
    lxw_format *paragraph = official(book, 0); /* unused by the register, created as zizhu creates it */
    format_set_align(paragraph, LXW_ALIGN_LEFT);
    format_set_align(paragraph, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(paragraph);
    f->header = official(book, 1);
    format_set_bold(f->header);
    format_set_align(f->header, LXW_ALIGN_CENTER);
    format_set_text_wrap(f->header);
    f->text = official(book, 1);
    format_set_align(f->text, LXW_ALIGN_LEFT);
    f->text_center = official(book, 1);
    format_set_align(f->text_center, LXW_ALIGN_CENTER);
    f->identifier = official(book, 1);
    format_set_num_format(f->identifier, "@");
    format_set_align(f->identifier, LXW_ALIGN_CENTER);
    lxw_format *typed = official(book, 1);
    format_set_num_format(typed, "@");
    format_set_align(typed, LXW_ALIGN_LEFT);
    f->serial = official(book, 1);
    format_set_num_format(f->serial, "0");
    format_set_align(f->serial, LXW_ALIGN_CENTER);
    f->money = official(book, 1);
    format_set_num_format(f->money, "#,##0.00");
    format_set_align(f->money, LXW_ALIGN_RIGHT);
    f->count = official(book, 1);
    format_set_num_format(f->count, "0");
    format_set_align(f->count, LXW_ALIGN_RIGHT);
    f->total_label = official(book, 1);
    format_set_bold(f->total_label);
    format_set_align(f->total_label, LXW_ALIGN_CENTER);
    f->total_count = official(book, 1);
    format_set_bold(f->total_count);
    format_set_num_format(f->total_count, "0\"人\"");
    format_set_align(f->total_count, LXW_ALIGN_CENTER);
    f->total_money = official(book, 1);
    format_set_bold(f->total_money);
    format_set_num_format(f->total_money, "#,##0.00");
    format_set_align(f->total_money, LXW_ALIGN_RIGHT);
    f->total_text = official(book, 1);
    format_set_bold(f->total_text);
    format_set_align(f->total_text, LXW_ALIGN_LEFT);
    /* the signature format is the line format (same style) */
    lxw_format *wrap = official(book, 1);
    format_set_align(wrap, LXW_ALIGN_LEFT);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(wrap);
}

static void page_setup(lxw_worksheet *sheet, const char *footer) {
    worksheet_set_paper(sheet, 9);
    worksheet_set_landscape(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);
    CHECK(worksheet_repeat_rows(sheet, 2, 2));
    CHECK(worksheet_set_footer(sheet, footer));
    worksheet_set_margins(sheet, 0.4, 0.4, 0.6, 0.6);
    worksheet_center_horizontally(sheet);
}

/* 单位负责人 / 审核人 / 经办人 / 填表日期 in four parts of the sheet's columns. */
static void signatures(lxw_worksheet *sheet, lxw_row_t r, int last_column, lxw_format *format) {
    static const char *TEXTS[4] = {"单位负责人：", "审核人：", "经办人：", FILL_DATE};
    int span = (last_column + 1) / 4;
    if (span < 1) span = 1;
    CHECK(worksheet_set_row(sheet, r, 28, NULL));
    for (int i = 0; i < 4; i++) {
        int first = i * span, last = i == 3 ? (first > last_column ? first : last_column) : first + span - 1;
        if (last > first) CHECK(worksheet_merge_range(sheet, r, (lxw_col_t)first, r, (lxw_col_t)last, TEXTS[i], format));
        else CHECK(worksheet_write_string(sheet, r, (lxw_col_t)first, TEXTS[i], format));
    }
}

static void write_summary(lxw_workbook *book, struct context *c, struct formats *f) {
    lxw_worksheet *sheet = workbook_add_worksheet(book, "汇总");
    if (!sheet) exit(1);
    int has_other = 0;
    for (size_t i = 0; i < c->nclasses; i++) has_other |= c->classes[i].count[NTIERS] > 0;
    int nslots = NTIERS + has_other;
    int last_column = 3 + 2 * nslots + 1;
    char text[512];
    CHECK(worksheet_set_column(sheet, 0, 0, 6, NULL));
    CHECK(worksheet_set_column(sheet, 1, 2, 14, NULL));
    for (int col = 3; col <= last_column; col += 2) {
        CHECK(worksheet_set_column(sheet, (lxw_col_t)col, (lxw_col_t)col, 10, NULL));
        CHECK(worksheet_set_column(sheet, (lxw_col_t)(col + 1), (lxw_col_t)(col + 1), 14, NULL));
    }
    CHECK(worksheet_set_row(sheet, 0, 36, NULL));
    CHECK(worksheet_merge_range(sheet, 0, 0, 0, (lxw_col_t)last_column, SUMMARY_TITLE, f->title));
    CHECK(worksheet_merge_range(sheet, 1, 0, 1, (lxw_col_t)(last_column - 2 > 2 ? last_column - 2 : 2),
                                "填报单位（盖章）：" SCHOOL, f->line));
    CHECK(worksheet_merge_range(sheet, 1, (lxw_col_t)(last_column - 1 > 3 ? last_column - 1 : 3), 1,
                                (lxw_col_t)(last_column > 4 ? last_column : 4), "单位：元", f->line_right));
    CHECK(worksheet_set_row(sheet, 2, 32, NULL));
    CHECK(worksheet_write_string(sheet, 2, 0, "序号", f->header));
    CHECK(worksheet_write_string(sheet, 2, 1, "年级", f->header));
    CHECK(worksheet_write_string(sheet, 2, 2, "班级", f->header));
    for (int t = 0; t <= nslots; t++) {
        const char *name = t == nslots ? "合计" : t == NTIERS ? "其他" : TIERS[t];
        snprintf(text, sizeof text, "%s\n人数", name);
        CHECK(worksheet_write_string(sheet, 2, (lxw_col_t)(3 + 2 * t), text, f->header));
        snprintf(text, sizeof text, "%s\n金额", name);
        CHECK(worksheet_write_string(sheet, 2, (lxw_col_t)(4 + 2 * t), text, f->header));
    }
    worksheet_freeze_panes(sheet, 3, 3);

    long long grand_count[NTIERS + 2] = {0}, grand_fen[NTIERS + 2] = {0};
    lxw_row_t r = 3;
    for (size_t i = 0; i < c->nclasses; i++, r++) {
        struct class_summary *cs = &c->classes[i];
        CHECK(worksheet_write_number(sheet, r, 0, (double)(i + 1), f->serial));
        write_text(sheet, r, 1, cs->grade, f->text_center);
        write_text(sheet, r, 2, cs->name, f->text_center);
        long long people = 0, fen = 0;
        for (int t = 0; t < nslots; t++) {
            people += cs->count[t];
            fen += cs->fen[t];
            grand_count[t] += cs->count[t];
            grand_fen[t] += cs->fen[t];
            CHECK(worksheet_write_number(sheet, r, (lxw_col_t)(3 + 2 * t), (double)cs->count[t], f->count));
            CHECK(worksheet_write_number(sheet, r, (lxw_col_t)(4 + 2 * t), (double)cs->fen[t] / 100.0, f->money));
        }
        grand_count[nslots] += people;
        grand_fen[nslots] += fen;
        CHECK(worksheet_write_number(sheet, r, (lxw_col_t)(last_column - 1), (double)people, f->count));
        CHECK(worksheet_write_number(sheet, r, (lxw_col_t)last_column, (double)fen / 100.0, f->money));
    }
    CHECK(worksheet_merge_range(sheet, r, 0, r, 2, "合计", f->total_label));
    for (int t = 0; t <= nslots; t++) {
        for (int k = 0; k < 2; k++) {
            lxw_col_t col = (lxw_col_t)(3 + 2 * t + k);
            double value = k == 0 ? (double)grand_count[t] : (double)grand_fen[t] / 100.0;
            lxw_format *format = k == 0 ? f->total_count : f->total_money;
            if (r > 3) {
                char name[8], formula[64];
                lxw_col_to_name(name, col, LXW_FALSE);
                if (r - 1 == 3) snprintf(formula, sizeof formula, "=SUM(%s4)", name);
                else snprintf(formula, sizeof formula, "=SUM(%s4:%s%u)", name, name, (unsigned)r);
                CHECK(worksheet_write_formula_num(sheet, r, col, formula, format, value));
            } else {
                CHECK(worksheet_write_number(sheet, r, col, value, format));
            }
        }
    }
    char words[256];
    amount_in_words(grand_fen[nslots], words, sizeof words);
    snprintf(text, sizeof text, "合计金额（大写）：%s", words);
    CHECK(worksheet_merge_range(sheet, r + 1, 0, r + 1, (lxw_col_t)last_column, text, f->total_text));
    CHECK(worksheet_merge_range(sheet, r + 2, 0, r + 2, (lxw_col_t)last_column, STANDARDS, f->line));
    signatures(sheet, r + 4, last_column, f->line);
    page_setup(sheet, "&L" SUMMARY_TITLE "&C第 &P 页，共 &N 页");
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
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    lxw_workbook *book = workbook_new_opt(argv[2], &options);
    if (!book) {
        fprintf(stderr, "cannot create %s\n", argv[2]);
        return 1;
    }
    lxw_doc_properties properties = {.title = TITLE, .subject = "普通高中国家助学金", .author = "zizhu",
                                     .company = SCHOOL, .category = "学生资助"};
    CHECK(workbook_set_properties(book, &properties));
    struct formats f;
    create_formats(book, &f);

    lxw_worksheet *sheet = workbook_add_worksheet(book, "花名册");
    if (!sheet) return 1;
    CHECK(worksheet_set_row(sheet, 0, 36, NULL));
    CHECK(worksheet_merge_range(sheet, 0, 0, 0, NCOLS - 1, TITLE, f.title));
    CHECK(worksheet_set_row(sheet, 1, 22, NULL));
    CHECK(worksheet_merge_range(sheet, 1, 0, 1, 8, "填报单位（盖章）：" SCHOOL, f.line));
    CHECK(worksheet_merge_range(sheet, 1, 9, 1, NCOLS - 1, "单位：元", f.line_right));
    CHECK(worksheet_set_row(sheet, 2, 30, NULL));
    for (int k = 0; k < NCOLS; k++) CHECK(worksheet_write_string(sheet, 2, (lxw_col_t)k, HEADERS[k], f.header));
    worksheet_freeze_panes(sheet, FIRST_DATA_ROW, 2);
    page_setup(sheet, "&L" TITLE "&C第 &P 页，共 &N 页");
    worksheet_activate(sheet);

    struct context c = {0};
    c.cap = 4096;
    c.bytes = malloc(c.cap);
    c.sheet = sheet;
    c.f = &f;
    c.row = FIRST_DATA_ROW;
    for (int k = 0; k < NCOLS; k++) c.widths[k] = display_width(HEADERS[k]);
    c.gbk = iconv_open("GBK", "UTF-8");
    if (c.gbk == (iconv_t)-1) {
        perror("iconv_open GBK");
        return 1;
    }
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
            fprintf(stderr, "csv_parse: %s near record %lld\n", csv_strerror(csv_error(&parser)),
                    c.students + c.returned + 2);
            return 1;
        }
    }
    if (csv_fini(&parser, on_field, on_record, &c) != 0) {
        fprintf(stderr, "csv_fini: %s\n", csv_strerror(csv_error(&parser)));
        return 1;
    }
    csv_free(&parser);
    close(fd);
    iconv_close(c.gbk);

    /* 合计: 人数, the amount in words, =SUM over the data rows; the signatures two rows below */
    lxw_row_t r = c.row, last_data = c.row - 1;
    char formula[64], words[256], text[300];
    CHECK(worksheet_write_string(sheet, r, 0, "合计", f.total_label));
    CHECK(worksheet_write_number(sheet, r, 1, (double)c.students, f.total_count));
    amount_in_words(c.total_fen, words, sizeof words);
    snprintf(text, sizeof text, "大写：%s", words);
    CHECK(worksheet_merge_range(sheet, r, 2, r, 8, text, f.total_text));
    if (c.students == 0) {
        CHECK(worksheet_write_number(sheet, r, R_AMOUNT, 0, f.total_money));
    } else {
        if (c.students == 1) snprintf(formula, sizeof formula, "=SUM(J4)");
        else snprintf(formula, sizeof formula, "=SUM(J4:J%u)", (unsigned)last_data + 1);
        CHECK(worksheet_write_formula_num(sheet, r, R_AMOUNT, formula, f.total_money, (double)c.total_fen / 100.0));
    }
    CHECK(worksheet_merge_range(sheet, r, 10, r, NCOLS - 1, "", f.total_text));
    signatures(sheet, r + 2, NCOLS - 1, f.line);
    if (c.students > 0) { /* no green triangles on the identifier columns (ID, 学籍号, card): one sqref */
        char ranges[96];
        unsigned end = (unsigned)last_data + 1;
        if (c.students == 1) snprintf(ranges, sizeof ranges, "D4 E4 K4");
        else snprintf(ranges, sizeof ranges, "D4:D%u E4:E%u K4:K%u", end, end, end);
        CHECK(worksheet_ignore_errors(sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, ranges));
    }
    /* widths: header and first rows' display width + 2, between 4 and 40 (written out at close) */
    for (int k = 0; k < NCOLS; k++) {
        double width = c.widths[k] + 2;
        width = width < 4 ? 4 : width > 40 ? 40 : width;
        CHECK(worksheet_set_column(sheet, (lxw_col_t)k, (lxw_col_t)k, width, NULL));
    }

    write_summary(book, &c, &f);
    CHECK(workbook_close(book));
    printf("rows=%lld returned=%lld classes=%zu total=%lld.%02lld\n", c.students, c.returned, c.nclasses,
           c.total_fen / 100, c.total_fen % 100);
    free(c.bytes);
    free(c.classes);
    free(buf);
    return 0;
}
