/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "annotations/px-anchor.h"

#include <stdlib.h>
#include <string.h>

/* Byte offsets of every CHECKPOINT-th code point, so that slices of the
 * text as written come from its UTF-8 without keeping a second copy. */
#define CHECKPOINT 128

struct _PxAnchorText
{
  char *utf8;       /* as written */
  gsize *index;     /* byte offset of code point i * CHECKPOINT */
  gunichar *folded; /* typographic variants folded, for matching */
  guint length;
};

/* The exact search looks this far around the expected position before it
 * scans the whole text; the approximate search never looks further. */
#define NEAR_WINDOW 2048
#define FUZZY_WINDOW 65536
/* At most this many approximate candidates are scored in full. */
#define MAX_CANDIDATES 48

/* Weights of the approximate score, as in the usual quote anchoring. */
#define W_QUOTE 50.0
#define W_PREFIX 20.0
#define W_SUFFIX 20.0
#define W_POSITION 2.0

void
px_anchor_selector_clear (PxAnchorSelector *selector)
{
  if (selector == NULL)
    return;
  g_clear_pointer (&selector->quote, g_free);
  g_clear_pointer (&selector->prefix, g_free);
  g_clear_pointer (&selector->suffix, g_free);
  selector->start = selector->end = 0;
}

/* Curly and straight quotes, dashes and the kinds of space are the same
 * passage to a reader; re-imports and edits change them freely. */
static gunichar
fold_char (gunichar c)
{
  switch (c)
    {
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201A: /* ‚ */
    case 0x201B: /* ‛ */
    case 0x2032: /* ′ */
    case 0x02BC: /* ʼ */
    case 0x0060: /* ` */
    case 0x00B4: /* ´ */
      return '\'';
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x201E: /* „ */
    case 0x201F: /* ‟ */
    case 0x2033: /* ″ */
    case 0x00AB: /* « */
    case 0x00BB: /* » */
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    case 0x00A0:
    case 0x2007:
    case 0x202F:
      return ' ';
    default:
      if (c < 0x80)
        return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ? ' ' : c;
      return g_unichar_isspace (c) ? ' ' : c;
    }
}

static gunichar *
decode (const char *utf8, guint *length)
{
  glong n = 0;
  gunichar *chars = g_utf8_to_ucs4_fast (utf8 ? utf8 : "", -1, &n);

  *length = (guint)n;
  return chars;
}

static gunichar *
fold_copy (const gunichar *chars, guint length)
{
  gunichar *out = g_new (gunichar, length + 1);

  for (guint i = 0; i < length; i++)
    out[i] = fold_char (chars[i]);
  out[length] = 0;
  return out;
}

PxAnchorText *
px_anchor_text_new (const char *utf8)
{
  PxAnchorText *text = g_new0 (PxAnchorText, 1);
  gsize bytes = utf8 ? strlen (utf8) : 0;
  const guchar *start, *p, *end;
  guint n = 0;

  text->utf8 = g_strndup (utf8 ? utf8 : "", bytes);
  start = p = (const guchar *)text->utf8;
  end = p + bytes;
  /* One pass, with a fast path for ASCII: this runs on whole articles
   * every time a text changes. At most one code point per byte. */
  text->folded = g_new (gunichar, bytes + 1);
  text->index = g_new (gsize, bytes / CHECKPOINT + 2);
  while (p < end)
    {
      gunichar c;

      if (n % CHECKPOINT == 0)
        text->index[n / CHECKPOINT] = p - start;
      if (*p < 0x80)
        c = *p++;
      else
        {
          c = g_utf8_get_char_validated ((const char *)p, end - p);
          if (c == (gunichar)-1 || c == (gunichar)-2)
            {
              c = 0xFFFD; /* the document model only stores valid text */
              p++;
            }
          else
            p = (const guchar *)g_utf8_next_char (p);
        }
      text->folded[n++] = fold_char (c);
    }
  if (n % CHECKPOINT == 0)
    text->index[n / CHECKPOINT] = bytes;
  text->folded[n] = 0;
  text->length = n;
  return text;
}

void
px_anchor_text_free (PxAnchorText *text)
{
  if (text == NULL)
    return;
  g_free (text->utf8);
  g_free (text->index);
  g_free (text->folded);
  g_free (text);
}

/* The UTF-8 position of code point @offset (<= length). */
static const char *
text_pointer (const PxAnchorText *text, guint offset)
{
  const char *p = text->utf8 + text->index[offset / CHECKPOINT];

  for (guint i = offset % CHECKPOINT; i > 0; i--)
    p = g_utf8_next_char (p);
  return p;
}

const char *
px_anchor_text_get_utf8 (const PxAnchorText *text)
{
  return text->utf8;
}

gboolean
px_anchor_text_has_at (const PxAnchorText *text, guint offset, const char *utf8, gboolean before)
{
  gsize len = strlen (utf8);
  const char *p;

  if (offset > text->length)
    return FALSE;
  p = text_pointer (text, offset);
  if (before)
    return (gsize)(p - text->utf8) >= len && memcmp (p - len, utf8, len) == 0;
  return strncmp (p, utf8, len) == 0;
}

guint
px_anchor_text_get_length (const PxAnchorText *text)
{
  return text->length;
}

char *
px_anchor_text_slice (const PxAnchorText *text, guint start, guint end)
{
  const char *s, *e;

  end = MIN (end, text->length);
  start = MIN (start, end);
  s = text_pointer (text, start);
  e = text_pointer (text, end);
  return g_strndup (s, e - s);
}

void
px_anchor_describe (const PxAnchorText *text, guint start, guint end, PxAnchorSelector *selector)
{
  g_return_if_fail (text != NULL && selector != NULL);

  end = MIN (end, text->length);
  start = MIN (start, end);
  px_anchor_selector_clear (selector);
  selector->start = start;
  selector->end = end;
  selector->quote = px_anchor_text_slice (text, start, end);
  selector->prefix = px_anchor_text_slice (text, start > PX_ANCHOR_CONTEXT ? start - PX_ANCHOR_CONTEXT : 0, start);
  selector->suffix = px_anchor_text_slice (text, end, end + PX_ANCHOR_CONTEXT);
}

void
px_anchor_map_init (PxAnchorMap *map, const char *old_text, const char *new_text)
{
  gsize old_len = strlen (old_text), new_len = strlen (new_text);
  gsize limit = MIN (old_len, new_len);
  gsize p = 0, s = 0;

  /* Compared as bytes, then moved back to whole characters. */
  while (p < limit && old_text[p] == new_text[p])
    p++;
  while (p > 0 && (old_text[p] & 0xC0) == 0x80)
    p--;
  while (s < limit - p && old_text[old_len - 1 - s] == new_text[new_len - 1 - s])
    s++;
  while (s > 0 && (old_text[old_len - s] & 0xC0) == 0x80)
    s--;
  map->common_prefix = g_utf8_strlen (old_text, p);
  map->common_suffix = g_utf8_strlen (old_text + old_len - s, s);
  map->old_length = map->common_prefix + map->common_suffix + g_utf8_strlen (old_text + p, old_len - s - p);
  map->new_length = map->common_prefix + map->common_suffix + g_utf8_strlen (new_text + p, new_len - s - p);
}

guint
px_anchor_map_offset (const PxAnchorMap *map, guint old_offset)
{
  if (old_offset <= map->common_prefix)
    return old_offset;
  if (old_offset >= map->old_length - map->common_suffix)
    return MIN (old_offset - (map->old_length - map->common_suffix) + (map->new_length - map->common_suffix),
                map->new_length);
  return CLAMP (old_offset, map->common_prefix, map->new_length - map->common_suffix);
}

/* ---- Myers' bit-parallel edit distance, in 64-bit blocks ---- */

typedef struct
{
  guint m;
  guint n_blocks;
  guint64 last_bit;
  guint64 *ascii;     /* 128 × n_blocks match masks */
  GHashTable *others; /* gunichar → guint64[n_blocks] */
  guint64 *zero;
  guint64 *pv;
  guint64 *mv;
} Myers;

static void
myers_init (Myers *my, const gunichar *pattern, guint m)
{
  my->m = m;
  my->n_blocks = (m + 63) / 64;
  my->last_bit = (guint64)1 << ((m - 1) % 64);
  my->ascii = g_new0 (guint64, 128 * my->n_blocks);
  my->others = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  my->zero = g_new0 (guint64, my->n_blocks);
  my->pv = g_new (guint64, my->n_blocks);
  my->mv = g_new (guint64, my->n_blocks);
  for (guint i = 0; i < m; i++)
    {
      gunichar c = pattern[i];
      guint64 *masks;

      if (c < 128)
        masks = my->ascii + c * my->n_blocks;
      else
        {
          masks = g_hash_table_lookup (my->others, GUINT_TO_POINTER (c));
          if (masks == NULL)
            {
              masks = g_new0 (guint64, my->n_blocks);
              g_hash_table_insert (my->others, GUINT_TO_POINTER (c), masks);
            }
        }
      masks[i / 64] |= (guint64)1 << (i % 64);
    }
}

static void
myers_clear (Myers *my)
{
  g_free (my->ascii);
  g_hash_table_unref (my->others);
  g_free (my->zero);
  g_free (my->pv);
  g_free (my->mv);
}

static inline const guint64 *
myers_masks (const Myers *my, gunichar c)
{
  const guint64 *masks;

  if (c < 128)
    return my->ascii + c * my->n_blocks;
  masks = g_hash_table_lookup (my->others, GUINT_TO_POINTER (c));
  return masks ? masks : my->zero;
}

/* One column of one block (Myers 1999, "advance_block"). */
static inline int
advance_block (guint64 *pv_io, guint64 *mv_io, guint64 eq, int h_in, guint64 high)
{
  guint64 pv = *pv_io, mv = *mv_io;
  guint64 xv = eq | mv, xh, ph, mh;
  int h_out = 0;

  if (h_in < 0)
    eq |= 1;
  xh = (((eq & pv) + pv) ^ pv) | eq;
  ph = mv | ~(xh | pv);
  mh = pv & xh;
  if (ph & high)
    h_out = 1;
  else if (mh & high)
    h_out = -1;
  ph <<= 1;
  mh <<= 1;
  if (h_in < 0)
    mh |= 1;
  else if (h_in > 0)
    ph |= 1;
  *pv_io = mh | ~(xv | ph);
  *mv_io = ph & xv;
  return h_out;
}

/* Reads @n characters from @text, stepping by @step (1 or -1), and writes
 * after each the edit distance of the whole pattern against the best
 * substring ending there (@h_top = 0: the match may start anywhere) or
 * against everything read so far (@h_top = 1: anchored at the first
 * character read). */
static void
myers_scan (Myers *my, const gunichar *text, int step, guint n, int h_top, int *scores)
{
  int score = (int)my->m;

  for (guint b = 0; b < my->n_blocks; b++)
    {
      my->pv[b] = ~(guint64)0;
      my->mv[b] = 0;
    }
  for (guint i = 0; i < n; i++)
    {
      const guint64 *masks = myers_masks (my, *text);
      int h = h_top;

      for (guint b = 0; b < my->n_blocks; b++)
        h = advance_block (&my->pv[b], &my->mv[b], masks[b], h,
                           b + 1 == my->n_blocks ? my->last_bit : (guint64)1 << 63);
      score += h;
      scores[i] = score;
      text += step;
    }
}

/* Plain Levenshtein distance for the short context strings. */
static guint
levenshtein (const gunichar *a, guint la, const gunichar *b, guint lb)
{
  g_autofree guint *row = g_new (guint, lb + 1);

  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint best = diag + (a[i - 1] == b[j - 1] ? 0 : 1);
          best = MIN (best, up + 1);
          best = MIN (best, row[j - 1] + 1);
          row[j] = best;
          diag = up;
        }
    }
  return row[lb];
}

typedef struct
{
  const PxAnchorText *text;
  gunichar *quote;
  guint qlen;
  gunichar *prefix;
  guint plen;
  gunichar *suffix;
  guint slen;
  guint expected;
} Query;

static gboolean
matches_at (const Query *q, guint pos)
{
  return pos + q->qlen <= q->text->length && memcmp (q->text->folded + pos, q->quote, q->qlen * sizeof (gunichar)) == 0;
}

/* How many characters of context agree, read outward from the quote. */
static guint
context_agreement (const Query *q, guint start)
{
  const gunichar *t = q->text->folded;
  guint end = start + q->qlen, n = 0;

  for (guint i = 0; i < q->plen && i < start && t[start - 1 - i] == q->prefix[q->plen - 1 - i]; i++)
    n++;
  for (guint i = 0; i < q->slen && end + i < q->text->length && t[end + i] == q->suffix[i]; i++)
    n++;
  return n;
}

static guint
distance (guint a, guint b)
{
  return a > b ? a - b : b - a;
}

/* All exact occurrences in [lo, hi); the best by context, then nearest. */
static gboolean
find_exact_in (const Query *q, guint lo, guint hi, guint *best_start, guint *best_context)
{
  const gunichar *t = q->text->folded;
  gunichar first = q->quote[0];
  gboolean found = FALSE;

  for (guint i = lo; i + q->qlen <= hi; i++)
    {
      guint ctx;

      if (t[i] != first || !matches_at (q, i))
        continue;
      ctx = context_agreement (q, i);
      if (!found || ctx > *best_context ||
          (ctx == *best_context && distance (i, q->expected) < distance (*best_start, q->expected)))
        {
          *best_start = i;
          *best_context = ctx;
          found = TRUE;
        }
    }
  return found;
}

static gboolean
find_exact (const Query *q, guint *start)
{
  guint len = q->text->length;
  guint lo = q->expected > NEAR_WINDOW ? q->expected - NEAR_WINDOW : 0;
  guint hi = MIN ((guint64)len, (guint64)q->expected + q->qlen + NEAR_WINDOW);
  guint ctx = 0;
  /* Near the expected place, an occurrence with all its context is the
   * passage; otherwise the best context anywhere wins. */
  gboolean near = find_exact_in (q, lo, hi, start, &ctx);

  if (near && ctx == q->plen + q->slen)
    return TRUE;
  if (lo == 0 && hi == len)
    return near;
  ctx = 0;
  return find_exact_in (q, 0, len, start, &ctx);
}

static double
prefix_similarity (const Query *q, guint start)
{
  guint from = start > q->plen ? start - q->plen : 0;

  if (q->plen == 0)
    return start == 0 ? 1.0 : 0.5;
  return 1.0 - (double)levenshtein (q->prefix, q->plen, q->text->folded + from, start - from) / q->plen;
}

static double
suffix_similarity (const Query *q, guint end)
{
  guint to = MIN (q->text->length, end + q->slen);

  if (q->slen == 0)
    return end == q->text->length ? 1.0 : 0.5;
  return 1.0 - (double)levenshtein (q->suffix, q->slen, q->text->folded + end, to - end) / q->slen;
}

typedef struct
{
  guint end;
  int errors;
} Candidate;

static int
compare_candidates (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Candidate *ca = a, *cb = b;
  guint expected_end = GPOINTER_TO_UINT (user_data);

  if (ca->errors != cb->errors)
    return ca->errors - cb->errors;
  return (int)distance (ca->end, expected_end) - (int)distance (cb->end, expected_end);
}

/* An approximate match is taken when the quote is mostly intact, or
 * somewhat intact and still between its old neighbours. Short quotes need
 * their context: one error in five letters is another word. */
static gboolean
acceptable (const Query *q, double quote_sim, double context_sim)
{
  if (quote_sim >= 0.8 && (q->qlen >= 16 || context_sim >= 0.5))
    return TRUE;
  return quote_sim >= 0.6 && context_sim >= 0.6;
}

static gboolean
find_fuzzy (const Query *q, PxAnchorResult *result)
{
  const PxAnchorText *text = q->text;
  guint window = MAX (FUZZY_WINDOW, q->qlen * 2);
  guint lo = q->expected > window ? q->expected - window : 0;
  guint hi = MIN ((guint64)text->length, (guint64)q->expected + q->qlen + window);
  int max_errors = (int)(q->qlen * 2 / 5);
  g_autofree int *scores = NULL;
  g_autofree int *back = NULL;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree gunichar *reversed = NULL;
  Myers fwd, rev;
  double best_score = -1.0;

  if (hi <= lo || q->qlen == 0)
    return FALSE;

  myers_init (&fwd, q->quote, q->qlen);
  scores = g_new (int, hi - lo);
  myers_scan (&fwd, text->folded + lo, 1, hi - lo, 0, scores);
  myers_clear (&fwd);

  /* The lowest point of each run of good enough ends. */
  for (guint i = 0; i < hi - lo; i++)
    {
      if (scores[i] > max_errors)
        continue;
      if ((i > 0 && scores[i - 1] < scores[i]) || (i + 1 < hi - lo && scores[i + 1] < scores[i]))
        continue;
      if (i > 0 && scores[i - 1] == scores[i] && candidates->len > 0 &&
          g_array_index (candidates, Candidate, candidates->len - 1).end == lo + i)
        continue; /* a plateau: keep its first point */
      g_array_append_val (candidates, ((Candidate){ lo + i + 1, scores[i] }));
    }
  if (candidates->len == 0)
    return FALSE;
  g_array_sort_with_data (candidates, compare_candidates, GUINT_TO_POINTER (q->expected + q->qlen));
  g_array_set_size (candidates, MIN (candidates->len, MAX_CANDIDATES));

  reversed = g_new (gunichar, q->qlen);
  for (guint i = 0; i < q->qlen; i++)
    reversed[i] = q->quote[q->qlen - 1 - i];
  myers_init (&rev, reversed, q->qlen);
  back = g_new (int, q->qlen + max_errors + 1);

  for (guint c = 0; c < candidates->len; c++)
    {
      const Candidate *cand = &g_array_index (candidates, Candidate, c);
      guint span = MIN (cand->end, q->qlen + (guint)max_errors);
      guint best_len = 0, start;
      int best_errors = G_MAXINT;
      double quote_sim, pre, suf, pos, score;

      if (span == 0)
        continue;
      /* Read backwards from the end, anchored there, to find the start. */
      myers_scan (&rev, text->folded + cand->end - 1, -1, span, 1, back);
      for (guint l = 1; l <= span; l++)
        if (back[l - 1] < best_errors ||
            (back[l - 1] == best_errors && distance (l, q->qlen) < distance (best_len, q->qlen)))
          {
            best_errors = back[l - 1];
            best_len = l;
          }
      start = cand->end - best_len;
      quote_sim = 1.0 - (double)best_errors / q->qlen;
      pre = prefix_similarity (q, start);
      suf = suffix_similarity (q, cand->end);
      pos = 1.0 - MIN (1.0, (double)distance (start, q->expected) / MAX (text->length, 1));
      score = (W_QUOTE * quote_sim + W_PREFIX * pre + W_SUFFIX * suf + W_POSITION * pos) /
              (W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION);
      if (!acceptable (q, quote_sim, (pre + suf) / 2) || score <= best_score)
        continue;
      best_score = score;
      result->method = PX_ANCHOR_FUZZY;
      result->start = start;
      result->end = cand->end;
      result->score = score;
    }
  myers_clear (&rev);
  return best_score >= 0;
}

static gunichar *
decode_folded (const char *utf8, guint *length)
{
  g_autofree gunichar *chars = decode (utf8, length);
  return fold_copy (chars, *length);
}

gboolean
px_anchor_find (const PxAnchorText *text, const PxAnchorSelector *selector, guint expected, PxAnchorResult *result)
{
  Query q = { 0 };
  gboolean found = FALSE;
  guint start = 0;

  g_return_val_if_fail (text != NULL && selector != NULL && result != NULL, FALSE);

  *result = (PxAnchorResult){ PX_ANCHOR_ORPHANED, selector->start, selector->end, 0.0 };
  q.text = text;
  q.quote = decode_folded (selector->quote, &q.qlen);
  q.prefix = decode_folded (selector->prefix, &q.plen);
  q.suffix = decode_folded (selector->suffix, &q.slen);
  q.expected = MIN (expected, text->length);

  if (q.qlen == 0)
    {
      /* An empty quote has nothing to find; it keeps its place if the
       * place still exists. */
      found = selector->start <= text->length;
      if (found)
        *result = (PxAnchorResult){ PX_ANCHOR_POSITION, selector->start, selector->start, 1.0 };
    }
  else if (matches_at (&q, q.expected))
    {
      *result = (PxAnchorResult){ PX_ANCHOR_POSITION, q.expected, q.expected + q.qlen, 1.0 };
      found = TRUE;
    }
  else if (matches_at (&q, selector->start))
    {
      *result = (PxAnchorResult){ PX_ANCHOR_POSITION, selector->start, selector->start + q.qlen, 1.0 };
      found = TRUE;
    }
  else if (find_exact (&q, &start))
    {
      *result = (PxAnchorResult){ PX_ANCHOR_EXACT, start, start + q.qlen, 1.0 };
      found = TRUE;
    }
  else
    found = find_fuzzy (&q, result);

  g_free (q.quote);
  g_free (q.prefix);
  g_free (q.suffix);
  return found;
}

GArray *
px_anchor_find_all (const PxAnchorText *text, const char *quote)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  Query q = { 0 };

  g_return_val_if_fail (text != NULL, out);
  q.text = text;
  q.quote = decode_folded (quote, &q.qlen);
  for (guint i = 0; q.qlen > 0 && i + q.qlen <= text->length; i++)
    if (text->folded[i] == q.quote[0] && matches_at (&q, i))
      g_array_append_val (out, i);
  g_free (q.quote);
  return out;
}

int
px_anchor_best_match (const char *text, const char *pattern, guint *start, guint *end)
{
  g_autoptr (PxAnchorText) t = px_anchor_text_new (text);
  g_autofree gunichar *p = NULL;
  g_autofree gunichar *rp = NULL;
  g_autofree int *scores = NULL;
  g_autofree int *back = NULL;
  guint m, best_end = 0, best_len = 0;
  int best = G_MAXINT, best_back = G_MAXINT;
  Myers my;

  p = decode_folded (pattern, &m);
  if (m == 0)
    return -1;
  if (t->length == 0)
    {
      *start = *end = 0;
      return (int)m;
    }
  myers_init (&my, p, m);
  scores = g_new (int, t->length);
  myers_scan (&my, t->folded, 1, t->length, 0, scores);
  myers_clear (&my);
  for (guint i = 0; i < t->length; i++)
    if (scores[i] < best)
      {
        best = scores[i];
        best_end = i + 1;
      }

  rp = g_new (gunichar, m);
  for (guint i = 0; i < m; i++)
    rp[i] = p[m - 1 - i];
  myers_init (&my, rp, m);
  back = g_new (int, best_end);
  myers_scan (&my, t->folded + best_end - 1, -1, best_end, 1, back);
  myers_clear (&my);
  for (guint l = 1; l <= best_end; l++)
    if (back[l - 1] < best_back)
      {
        best_back = back[l - 1];
        best_len = l;
      }
  /* An empty match (all deletions) is also possible. */
  if ((int)m <= best)
    {
      *start = *end = 0;
      return (int)m;
    }
  *start = best_end - best_len;
  *end = best_end;
  return best;
}
