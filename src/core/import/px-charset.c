/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import/px-charset.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "import/px-importer.h"

/* Browsers read these labels as windows-1252, which is a superset; pages
 * labelled Latin-1 routinely contain curly quotes from 0x80–0x9F. */
static const char *
canonical_label (const char *label)
{
  static const struct
  {
    const char *label;
    const char *charset;
  } aliases[] = {
    { "utf8", "utf-8" },
    { "unicode-1-1-utf-8", "utf-8" },
    { "iso-8859-1", "windows-1252" },
    { "iso8859-1", "windows-1252" },
    { "latin1", "windows-1252" },
    { "l1", "windows-1252" },
    { "us-ascii", "windows-1252" },
    { "ascii", "windows-1252" },
    { "cp1252", "windows-1252" },
    { "x-cp1252", "windows-1252" },
    { "iso-8859-15", "iso-8859-15" },
    { "latin9", "iso-8859-15" },
    { "shift_jis", "shift_jis" },
    { "sjis", "shift_jis" },
    { "x-sjis", "shift_jis" },
    { "gb2312", "gbk" },
    { "euc-kr", "euc-kr" },
    { "koi8-r", "koi8-r" },
    { "utf-16", "utf-16le" },
  };

  char dashed[48];

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (label, aliases[i].label) == 0)
      return aliases[i].charset;
  /* Pages also write "iso8859_1": the same label with an underscore. */
  if (strchr (label, '_') == NULL || strlen (label) >= sizeof dashed)
    return NULL;
  g_strlcpy (dashed, label, sizeof dashed);
  g_strdelimit (dashed, "_", '-');
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (dashed, aliases[i].label) == 0)
      return aliases[i].charset;
  return NULL;
}

static char *
normalize_label (const char *start, gsize len)
{
  g_autofree char *label = NULL;
  const char *alias;

  while (len > 0 && (g_ascii_isspace (*start) || *start == '"' || *start == '\''))
    start++, len--;
  while (len > 0 && (g_ascii_isspace (start[len - 1]) || start[len - 1] == '"' || start[len - 1] == '\''))
    len--;
  if (len == 0 || len > 40)
    return NULL;
  label = g_ascii_strdown (start, len);
  for (char *p = label; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
      return NULL;
  alias = canonical_label (label);
  return g_strdup (alias != NULL ? alias : label);
}

char *
px_charset_from_content_type (const char *content_type)
{
  const char *p;
  gsize n;

  if (content_type == NULL)
    return NULL;
  p = strstr (content_type, "charset=");
  if (p == NULL)
    {
      g_autofree char *lower = g_ascii_strdown (content_type, -1);
      const char *q = strstr (lower, "charset=");
      if (q == NULL)
        return NULL;
      p = content_type + (q - lower);
    }
  p += strlen ("charset=");
  n = strcspn (p, ";, \t");
  return normalize_label (p, n);
}

/* Looks for charset= inside <meta …> tags in the first bytes, without a
 * parser: the parser needs to know the encoding first. */
static char *
sniff_meta (const guint8 *data, gsize len)
{
  gsize n = MIN (len, 8192);
  g_autofree char *head = g_ascii_strdown ((const char *)data, n);
  const char *p = head;

  /* g_ascii_strdown stops at a NUL; that is fine for a sniffer. */
  while ((p = strstr (p, "<meta")) != NULL)
    {
      const char *end = strchr (p, '>');
      const char *cs;

      if (end == NULL)
        break;
      cs = g_strstr_len (p, end - p, "charset");
      if (cs != NULL)
        {
          cs += strlen ("charset");
          while (cs < end && (g_ascii_isspace (*cs)))
            cs++;
          if (cs < end && *cs == '=')
            {
              gsize k;
              cs++;
              while (cs < end && (g_ascii_isspace (*cs) || *cs == '"' || *cs == '\''))
                cs++;
              k = strcspn (cs, "\"'; \t>/");
              if (cs + k <= end)
                return normalize_label (cs, k);
            }
        }
      p = end;
    }
  return NULL;
}

/* Whether @charset writes ASCII as ASCII, as every page whose markup
 * was found in ASCII bytes must be encoded: EBCDIC (cp037, ibm500),
 * UCS-2, UTF-16 and UTF-32 do not. Asked of iconv, so any label works;
 * one iconv does not know counts as compatible, and decoding reports it. */
static gboolean
ascii_compatible (const char *charset)
{
  static const char probe[] = "<meta charset=\"x\"> Az09";
  g_autofree char *decoded = NULL;
  gsize n = 0;
  GIConv cd = g_iconv_open ("UTF-8", charset);

  /* Unknown here: decoding says so. */
  if (cd == (GIConv)-1)
    return TRUE;
  g_iconv_close (cd);
  decoded = g_convert (probe, sizeof probe - 1, "UTF-8", charset, NULL, &n, NULL);
  return decoded != NULL && n == sizeof probe - 1 && memcmp (decoded, probe, n) == 0;
}

/* The bytes look like ASCII-based markup: a "<" near the start and no NUL
 * bytes (which UTF-16 and UTF-32 text is full of). */
static gboolean
looks_like_ascii_markup (const guint8 *data, gsize len)
{
  gsize n = MIN (len, 1024);

  return n > 0 && memchr (data, '\0', n) == NULL && memchr (data, '<', n) != NULL;
}

char *
px_charset_detect (const guint8 *data, gsize len, const char *content_type, gsize *bom_len)
{
  char *charset;

  if (bom_len)
    *bom_len = 0;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      if (bom_len)
        *bom_len = 3;
      return g_strdup ("utf-8");
    }
  if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      if (bom_len)
        *bom_len = 2;
      return g_strdup (data[0] == 0xFF ? "utf-16le" : "utf-16be");
    }
  /* A declaration that cannot describe the bytes (an ASCII-incompatible
   * charset for markup in ASCII bytes) is ignored, as browsers ignore
   * such a <meta>; the bytes are detected instead. */
  charset = px_charset_from_content_type (content_type);
  if (charset != NULL && (ascii_compatible (charset) || !looks_like_ascii_markup (data, len)))
    return charset;
  g_free (charset);
  /* A <meta> was found in ASCII bytes, so it must name an ASCII-based
   * charset to be believed. */
  charset = sniff_meta (data, len);
  if (charset != NULL && ascii_compatible (charset))
    return charset;
  g_free (charset);
  if (g_utf8_validate_len ((const char *)data, len, NULL))
    return g_strdup ("utf-8");
  return g_strdup ("windows-1252");
}

/* Converts with iconv, replacing each byte that cannot be decoded by
 * U+FFFD so one bad byte does not lose the page. */
static char *
convert_lossy (const guint8 *data, gsize len, const char *charset, gsize *out_len, GError **error)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  GString *out;
  char buf[8192];
  gchar *in = (gchar *)data;
  gsize in_left = len;

  if (cd == (GIConv)-1)
    {
      g_set_error (error, PX_IMPORT_ERROR, PX_IMPORT_ERROR_ENCODING, _ ("The page uses an unknown character set (%s)"),
                   charset);
      return NULL;
    }
  out = g_string_sized_new (len + len / 4);
  while (in_left > 0)
    {
      gchar *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);

      g_string_append_len (out, buf, o - buf);
      if (r == (gsize)-1)
        {
          if (errno == E2BIG)
            continue;
          /* EILSEQ or a truncated sequence at the end: skip one byte. */
          g_string_append (out, "\xEF\xBF\xBD");
          in++;
          in_left--;
          g_iconv (cd, NULL, NULL, NULL, NULL);
        }
    }
  g_iconv_close (cd);
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

char *
px_charset_to_utf8 (const guint8 *data, gsize len, const char *content_type, gsize *out_len, char **out_charset,
                    GError **error)
{
  g_autofree char *charset = NULL;
  gsize bom = 0, n = 0;
  char *text;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  charset = px_charset_detect (data, len, content_type, &bom);
  data += bom;
  len -= bom;

  if (g_str_equal (charset, "utf-8"))
    {
      if (g_utf8_validate_len ((const char *)data, len, NULL))
        {
          text = g_strndup ((const char *)data, len);
          n = len;
        }
      else
        {
          text = g_utf8_make_valid ((const char *)data, len);
          n = strlen (text);
        }
    }
  else
    {
      text = convert_lossy (data, len, charset, &n, error);
      if (text == NULL)
        return NULL;
    }
  if (out_len)
    *out_len = n;
  if (out_charset)
    *out_charset = g_steal_pointer (&charset);
  return text;
}
