"""How hard a text is to read: the Flesch-Kincaid grade as a reading age
(grade + 5, the age a UK reader usually reaches it). An estimate from
sentence length and syllables per word, counted by a vowel-group rule that
is right for most English words; good enough to flag a summary written for
specialists, not to grade one word against another."""

import re

# The age the plain-English summary should suit (Health Research Authority
# and NHS guidance aim at about 12).
TARGET_READING_AGE = 12

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n\s*\n")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


def syllables(word):
    word = word.lower()
    count = len(VOWEL_GROUP.findall(word))
    # A silent final "e" ("care"), but not "-le" ("simple") or "-ee".
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def reading_age(text):
    """The reading age of `text` in whole years, or None for no words."""
    words = WORD.findall(text)
    if not words:
        return None
    sentences = max(len([s for s in SENTENCE_END.split(text) if WORD.search(s)]), 1)
    per_sentence = len(words) / sentences
    per_word = sum(syllables(word) for word in words) / len(words)
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return max(round(grade + 5), 5)
