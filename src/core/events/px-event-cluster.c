/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "events/px-event-cluster.h"

#include "text/px-sort.h"

/* How many of an item's strongest terms look for similar items, and how
 * many items may share one before the term says nothing specific (a word
 * of the whole collection, not of one story) and finds none. */
#define N_PROBE_TERMS 16
#define MAX_RUN 400

typedef struct
{
  guint term;
  guint item;
} TermItem;

PX_DEFINE_SORT (sort_term_items, TermItem, x->term < y->term || (x->term == y->term && x->item < y->item))
PX_DEFINE_SORT (sort_pairs, guint64, *x < *y)

typedef struct
{
  guint c;
  double sum;
} Nb;

typedef struct
{
  GArray *nb; /* Nb sorted by c: clusters with some similarity */
  guint size;
  guint version;
  gint64 key;
  gint64 pinned;
  guint parent; /* the cluster it was merged into, itself while alive */
  gboolean alive;
} Cluster;

typedef struct
{
  double link;
  guint a, b;
  guint va, vb;
  gint64 k1, k2; /* the smaller and the larger key of the two */
} Entry;

static inline gboolean
entry_before (const Entry *x, const Entry *y)
{
  if (x->link != y->link)
    return x->link > y->link;
  if (x->k1 != y->k1)
    return x->k1 < y->k1;
  return x->k2 < y->k2;
}

static void
heap_push (GArray *heap, const Entry *e)
{
  guint i = heap->len;

  g_array_append_val (heap, *e);
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      Entry *h = (Entry *)heap->data;
      if (!entry_before (&h[i], &h[parent]))
        break;
      Entry t = h[i];
      h[i] = h[parent];
      h[parent] = t;
      i = parent;
    }
}

static Entry
heap_pop (GArray *heap)
{
  Entry *h = (Entry *)heap->data;
  Entry top = h[0];
  guint i = 0, n;

  h[0] = h[heap->len - 1];
  g_array_set_size (heap, heap->len - 1);
  h = (Entry *)heap->data;
  n = heap->len;
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, best = i;
      if (l < n && entry_before (&h[l], &h[best]))
        best = l;
      if (r < n && entry_before (&h[r], &h[best]))
        best = r;
      if (best == i)
        break;
      Entry t = h[i];
      h[i] = h[best];
      h[best] = t;
      i = best;
    }
  return top;
}

static gboolean
compatible (const Cluster *x, const Cluster *y)
{
  return x->pinned == 0 || y->pinned == 0 || x->pinned == y->pinned;
}

static void
push_pair (GArray *heap, Cluster *cl, guint a, guint b, double sum, double threshold)
{
  double link = sum / ((double)cl[a].size * cl[b].size);
  Entry e;

  if (link < threshold || !compatible (&cl[a], &cl[b]))
    return;
  e = (Entry){ link, a, b, cl[a].version, cl[b].version, MIN (cl[a].key, cl[b].key), MAX (cl[a].key, cl[b].key) };
  heap_push (heap, &e);
}

/* Index of @c in @nb, or where it would go. */
static guint
nb_find (GArray *nb, guint c, gboolean *found)
{
  guint lo = 0, hi = nb->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (nb, Nb, mid).c < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = lo < nb->len && g_array_index (nb, Nb, lo).c == c;
  return lo;
}

static void
nb_remove (GArray *nb, guint c)
{
  gboolean found;
  guint i = nb_find (nb, c, &found);

  if (found)
    g_array_remove_index (nb, i);
}

static void
nb_set (GArray *nb, guint c, double sum)
{
  gboolean found;
  guint i = nb_find (nb, c, &found);
  Nb x = { c, sum };

  if (found)
    g_array_index (nb, Nb, i).sum = sum;
  else
    g_array_insert_val (nb, i, x);
}

/* Merges cluster @b into @a (the one of the smaller key). */
static void
merge (Cluster *cl, guint a, guint b, GArray *heap, double threshold)
{
  GArray *sum = g_array_sized_new (FALSE, FALSE, sizeof (Nb), cl[a].nb->len + cl[b].nb->len);
  guint i = 0, j = 0;
  GArray *x = cl[a].nb, *y = cl[b].nb;

  while (i < x->len || j < y->len)
    {
      Nb n;
      if (j >= y->len || (i < x->len && g_array_index (x, Nb, i).c < g_array_index (y, Nb, j).c))
        n = g_array_index (x, Nb, i++);
      else if (i >= x->len || g_array_index (y, Nb, j).c < g_array_index (x, Nb, i).c)
        n = g_array_index (y, Nb, j++);
      else
        {
          n = g_array_index (x, Nb, i++);
          n.sum += g_array_index (y, Nb, j++).sum;
        }
      if (n.c != a && n.c != b)
        g_array_append_val (sum, n);
    }
  g_array_unref (cl[a].nb);
  g_array_unref (cl[b].nb);
  cl[b].nb = NULL;
  cl[b].alive = FALSE;
  cl[b].parent = a;
  cl[a].nb = sum;
  cl[a].size += cl[b].size;
  cl[a].version++;
  cl[a].key = MIN (cl[a].key, cl[b].key);
  if (cl[a].pinned == 0)
    cl[a].pinned = cl[b].pinned;
  for (guint k = 0; k < sum->len; k++)
    {
      const Nb *n = &g_array_index (sum, Nb, k);
      nb_remove (cl[n->c].nb, b);
      nb_set (cl[n->c].nb, a, n->sum);
      push_pair (heap, cl, a, n->c, n->sum, threshold);
    }
}

/* Pairs of items (i < j) sharing one of their strongest terms, each once,
 * as i << 32 | j. */
static GArray *
candidate_pairs (const PxClusterItem *items, guint n)
{
  g_autoptr (GArray) ti = g_array_new (FALSE, FALSE, sizeof (TermItem));
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint out = 0;

  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < MIN (items[i].n_top, N_PROBE_TERMS); k++)
      {
        TermItem t = { items[i].top[k].term, i };
        g_array_append_val (ti, t);
      }
  sort_term_items ((TermItem *)ti->data, ti->len);
  for (guint s = 0, e; s < ti->len; s = e)
    {
      const TermItem *t = (const TermItem *)ti->data;
      for (e = s + 1; e < ti->len && t[e].term == t[s].term; e++)
        ;
      if (e - s > MAX_RUN)
        continue;
      for (guint x = s; x < e; x++)
        for (guint y = x + 1; y < e; y++)
          {
            guint64 p = ((guint64)t[x].item << 32) | t[y].item;
            g_array_append_val (pairs, p);
          }
    }
  sort_pairs ((guint64 *)pairs->data, pairs->len);
  for (guint i = 0; i < pairs->len; i++)
    if (i == 0 || g_array_index (pairs, guint64, i) != g_array_index (pairs, guint64, i - 1))
      g_array_index (pairs, guint64, out++) = g_array_index (pairs, guint64, i);
  g_array_set_size (pairs, out);
  return pairs;
}

static int
cluster_key_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
  const Cluster *cl = data;
  gint64 x = cl[*(const guint *)a].key, y = cl[*(const guint *)b].key;
  return x < y ? -1 : x > y;
}

guint *
px_event_cluster (const PxClusterItem *items, guint n, double threshold, int window, guint *n_clusters)
{
  return px_event_cluster_cached (items, n, threshold, window, NULL, n_clusters);
}

static double
pair_similarity (const PxClusterItem *x, const PxClusterItem *y, PxPairCache *cache)
{
  double sim;

  if (cache != NULL && px_pair_cache_lookup (cache, x->key, x->version, y->key, y->version, &sim))
    return sim;
  sim = px_term_weights_dot (x->vec, x->len, y->vec, y->len);
  if (cache != NULL)
    px_pair_cache_store (cache, x->key, x->version, y->key, y->version, sim);
  return sim;
}

guint *
px_event_cluster_cached (const PxClusterItem *items, guint n, double threshold, int window, PxPairCache *cache,
                         guint *n_clusters)
{
  g_autofree Cluster *cl = NULL;
  g_autoptr (GArray) pairs = NULL;
  g_autoptr (GArray) heap = NULL;
  g_autoptr (GArray) roots = NULL;
  g_autofree guint *number = NULL;
  guint *labels;

  g_return_val_if_fail (items != NULL || n == 0, NULL);
  cl = g_new0 (Cluster, MAX (n, 1));
  heap = g_array_new (FALSE, FALSE, sizeof (Entry));
  roots = g_array_new (FALSE, FALSE, sizeof (guint));
  number = g_new (guint, MAX (n, 1));
  labels = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      cl[i].nb = g_array_new (FALSE, FALSE, sizeof (Nb));
      cl[i].size = 1;
      cl[i].key = items[i].key;
      cl[i].pinned = items[i].pinned;
      cl[i].parent = i;
      cl[i].alive = TRUE;
    }

  pairs = candidate_pairs (items, n);
  for (guint p = 0; p < pairs->len; p++)
    {
      guint64 v = g_array_index (pairs, guint64, p);
      guint i = v >> 32, j = v & 0xffffffffu;
      double sim;

      if (window >= 0 && items[i].day != 0 && items[j].day != 0 &&
          ABS ((gint64)items[i].day - (gint64)items[j].day) > window)
        continue;
      sim = pair_similarity (&items[i], &items[j], cache);
      if (sim <= 0)
        continue;
      /* Pairs come sorted by i, then j: appending keeps the lists sorted
       * for i; j's list gets i in increasing order too. */
      g_array_append_val (cl[i].nb, ((Nb){ j, sim }));
      g_array_append_val (cl[j].nb, ((Nb){ i, sim }));
    }

  /* Items pinned together start as one cluster, in key order. */
  {
    g_autoptr (GHashTable) first = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autofree guint *order = g_new (guint, MAX (n, 1));
    for (guint i = 0; i < n; i++)
      order[i] = i;
    g_qsort_with_data (order, n, sizeof (guint), cluster_key_cmp, cl);
    for (guint k = 0; k < n; k++)
      {
        guint i = order[k];
        guint *head;
        if (items[i].pinned <= 0)
          continue;
        head = g_hash_table_lookup (first, &items[i].pinned);
        if (head == NULL)
          g_hash_table_insert (first, (gpointer)&items[i].pinned, &order[k]);
        else
          merge (cl, *head, i, heap, G_MAXDOUBLE);
      }
  }

  for (guint i = 0; i < n; i++)
    if (cl[i].alive)
      for (guint k = 0; k < cl[i].nb->len; k++)
        {
          const Nb *nb = &g_array_index (cl[i].nb, Nb, k);
          if (nb->c > i)
            push_pair (heap, cl, i, nb->c, nb->sum, threshold);
        }

  while (heap->len > 0)
    {
      Entry e = heap_pop (heap);
      guint a, b;

      if (!cl[e.a].alive || !cl[e.b].alive || cl[e.a].version != e.va || cl[e.b].version != e.vb)
        continue;
      a = cl[e.a].key < cl[e.b].key ? e.a : e.b;
      b = a == e.a ? e.b : e.a;
      merge (cl, a, b, heap, threshold);
    }

  for (guint i = 0; i < n; i++)
    if (cl[i].alive)
      g_array_append_val (roots, i);
  g_qsort_with_data (roots->data, roots->len, sizeof (guint), cluster_key_cmp, cl);
  for (guint r = 0; r < roots->len; r++)
    number[g_array_index (roots, guint, r)] = r;
  for (guint i = 0; i < n; i++)
    {
      guint r = i;
      while (!cl[r].alive)
        r = cl[r].parent;
      /* Shorten the path for the items that follow. */
      for (guint k = i; k != r;)
        {
          guint next = cl[k].parent;
          cl[k].parent = r;
          k = next;
        }
      labels[i] = number[r];
    }
  for (guint i = 0; i < n; i++)
    if (cl[i].alive)
      g_array_unref (cl[i].nb);
  *n_clusters = roots->len;
  return labels;
}
