/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "quotes/px-quotes.h"
#include "text/px-text-units.h"

G_BEGIN_DECLS

/* How one outlet's version of a quote differs from the group's reference
 * (the longest direct version). */
typedef enum
{
  PX_DRIFT_NONE = 0,
  PX_DRIFT_TRUNCATED = 1 << 0,     /* a part of the reference, words cut */
  PX_DRIFT_MERGED = 1 << 1,        /* joins what another outlet quotes as separate quotes */
  PX_DRIFT_WORDS_CHANGED = 1 << 2, /* has words the reference does not */
  PX_DRIFT_PARAPHRASED = 1 << 3,   /* reported speech where others quote directly */
} PxDriftFlags;

/* One quote of one document, placed: its speaker (index into the set's
 * speakers, G_MAXUINT if unknown), its group (the same utterance in other
 * outlets), drift flags and the word ratio against the group reference. */
typedef struct
{
  guint doc;
  const PxQuote *quote;
  guint speaker;
  guint group;
  guint drift;
  double ratio;
} PxQuoteEntry;

/* One person across outlets. @name is the fullest form any outlet used
 * ("Liang Hua" for "Liang", "Huawei chairman Liang Hua"); @roles and
 * @aliases (char*) as the outlets wrote them. */
typedef struct
{
  char *name;
  GPtrArray *roles;
  GPtrArray *aliases;
} PxSpeaker;

/* The same utterance as reported by one or more outlets: @entries holds
 * entry indices (guint), @reference the entry the others are compared to. */
typedef struct
{
  guint speaker;
  guint reference;
  GArray *entries;
} PxQuoteGroup;

/* Quotes of an event grouped by speaker across outlets, with the drift
 * between versions. Built from each document's px_find_quotes(). */
#define PX_TYPE_SPEAKER_SET (px_speaker_set_get_type ())
G_DECLARE_FINAL_TYPE (PxSpeakerSet, px_speaker_set, PX, SPEAKER_SET, GObject)

/* @units: PxTextUnits* per document; @quotes: per document, the GPtrArray
 * of PxQuote* px_find_quotes() returned (kept alive by the set). */
PxSpeakerSet *px_speaker_set_new (GPtrArray *units, GPtrArray *quotes);

guint px_speaker_set_get_n_speakers (PxSpeakerSet *self);
const PxSpeaker *px_speaker_set_get_speaker (PxSpeakerSet *self, guint index);
guint px_speaker_set_get_n_entries (PxSpeakerSet *self);
const PxQuoteEntry *px_speaker_set_get_entry (PxSpeakerSet *self, guint index);
guint px_speaker_set_get_n_groups (PxSpeakerSet *self);
const PxQuoteGroup *px_speaker_set_get_group (PxSpeakerSet *self, guint index);

/* Index of the speaker a name (as any outlet wrote it) stands for, or
 * G_MAXUINT. */
guint px_speaker_set_find_speaker (PxSpeakerSet *self, const char *name);

/* The drift flags as strings ("truncated", …), NULL-terminated. */
GStrv px_drift_flags_to_strv (guint flags);

G_END_DECLS
