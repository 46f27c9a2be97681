#!/usr/bin/env python3
"""Checks docs/i18n/country-names.tsv against src/Calendar.Core/IsoCountries.cs.

Run from anywhere: python3 docs/i18n/check_country_names.py [path/to/country-names.tsv]
Exit status 0 when the table passes, 1 when it does not (every problem is printed, one a line).

What it checks (see country-names.md for the rules themselves):
  - one row per code in IsoCountries.cs, no other code, no duplicate; `en` is that file's English name;
  - the header, and every column non-empty;
  - the ru_* and kk_* columns hold only Cyrillic letters (Kazakh ones included), spaces, hyphens,
    apostrophes, and the spaced dash of «Папуа — Новая Гвинея»;
  - ru_in is в, во or на, and во stands exactly where the next word starts with в/ф and a consonant;
  - the Russian forms of a name have as many words as its nominative (names decline word by word);
  - each Kazakh form is the nominative (the whole name, only its last word inflected) plus a case suffix
    whose vowel agrees with the last word (vowel harmony) and whose first consonant agrees with its last
    sound; for names ending in a third-person possessive (-ы/-і: «Штаттары», «Республикасы») the
    pronominal endings -ның/-на/-н/-нда/-нан/-мен. Where harmony cannot be read off the word alone
    (last vowel и, у or ю; a final ь) the six suffixes only have to agree with each other; those rows
    are listed with --verbose for the native editor.
"""
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ISO_FILE = REPO / 'src' / 'Calendar.Core' / 'IsoCountries.cs'
TABLE = HERE / 'country-names.tsv'

COLUMNS = ['code', 'en', 'ru_nom', 'ru_gen', 'ru_dat', 'ru_acc', 'ru_ins', 'ru_pre', 'ru_in',
           'kk_nom', 'kk_gen', 'kk_dat', 'kk_acc', 'kk_loc', 'kk_abl', 'kk_ins', 'source']
RU_FORMS = ['ru_nom', 'ru_gen', 'ru_dat', 'ru_acc', 'ru_ins', 'ru_pre']
KK_CASES = ['kk_gen', 'kk_dat', 'kk_acc', 'kk_loc', 'kk_abl', 'kk_ins']

# Rows whose Kazakh place forms (dative, locative, ablative) name another stem on purpose, and the stem.
# VA: relations are with «Қасиетті Тақ» (the Holy See); a visit goes to, and an embassy is in, «Ватикан».
OTHER_STEMS = {'VA': {'Ватикан'}}
# Likewise for the Russian forms: the word count may differ from the nominative's.
RU_OTHER_WORDS = {'VA'}

CYRILLIC = 'а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ'
NAME_RE = re.compile(rf"^[{CYRILLIC}]+(?:(?:[ \-']| — )[{CYRILLIC}]+)*$")

BACK = set('аоұыяё')
FRONT = set('әөүіеэ')
VOWELS = BACK | FRONT | set('иую')
VOICELESS = set('кқпстфхцчшщ') | set('бвгд')  # б в г д sound voiceless at the end of a loanword
NASALS = set('мнң')
SONORANTS = set('лрйу')
Z_ZH = set('зж')

# Suffixes by case: {sound class: (back, front)}.
# Sound classes: 'V' vowel, 'N' м н ң, 'S' л р й у and the final и / у of loanwords, 'Z' з ж, 'T' voiceless.
SUFFIXES = {
    'kk_gen': {'V': ('ның', 'нің'), 'N': ('ның', 'нің'), 'S': ('дың', 'дің'), 'Z': ('дың', 'дің'), 'T': ('тың', 'тің')},
    'kk_dat': {'V': ('ға', 'ге'), 'N': ('ға', 'ге'), 'S': ('ға', 'ге'), 'Z': ('ға', 'ге'), 'T': ('қа', 'ке')},
    'kk_acc': {'V': ('ны', 'ні'), 'N': ('ды', 'ді'), 'S': ('ды', 'ді'), 'Z': ('ды', 'ді'), 'T': ('ты', 'ті')},
    'kk_loc': {'V': ('да', 'де'), 'N': ('да', 'де'), 'S': ('да', 'де'), 'Z': ('да', 'де'), 'T': ('та', 'те')},
    'kk_abl': {'V': ('дан', 'ден'), 'N': ('нан', 'нен'), 'S': ('дан', 'ден'), 'Z': ('дан', 'ден'), 'T': ('тан', 'тен')},
    'kk_ins': {'V': ('мен', 'мен'), 'N': ('мен', 'мен'), 'S': ('мен', 'мен'), 'Z': ('бен', 'бен'), 'T': ('пен', 'пен')},
}
POSSESSIVE = {  # after the third-person possessive -ы / -і
    'kk_gen': ('ның', 'нің'), 'kk_dat': ('на', 'не'), 'kk_acc': ('н', 'н'),
    'kk_loc': ('нда', 'нде'), 'kk_abl': ('нан', 'нен'), 'kk_ins': ('мен', 'мен'),
}


def harmony(word):
    """'b' (back), 'f' (front), or None when the word alone does not decide it."""
    w = word.lower()
    if w.endswith('ь'):
        return None
    # у after a vowel is the glide [w] (Палау, Токелау), not a vowel of its own
    vowels = [c for i, c in enumerate(w) if c in VOWELS and not (c == 'у' and i and w[i - 1] in VOWELS)]
    if not vowels:
        return None
    last = vowels[-1]
    if last in BACK:
        return 'b'
    if last in FRONT:
        return 'f'
    return None  # и, у, ю


def sound_classes(word):
    """The classes the last sound may belong to (a final и / у of a loanword may count as vowel or sonorant)."""
    c = word.lower().rstrip('ьъ')[-1]
    if c in 'иу':
        return {'S', 'V'}
    if c in VOWELS:
        return {'V'}
    if c in NASALS:
        return {'N'}
    if c in SONORANTS:
        return {'S'}
    if c in Z_ZH:
        return {'Z'}
    if c in VOICELESS:
        return {'T'}
    return set()


def iso_names():
    text = ISO_FILE.read_text(encoding='utf-8')
    pairs = re.findall(r'\["([A-Z]{2})"\]\s*=\s*"((?:[^"\\]|\\.)*)"', text)
    names = {}
    for code, name in pairs:
        if code in names:
            raise SystemExit(f'{ISO_FILE}: {code} appears twice')
        names[code] = name.replace('&amp;', '&')
    return names


def check_kazakh(row, problems, unsure):
    code, nom = row['code'], row['kk_nom']
    head, _, last = nom.rpartition(' ')
    possessive = last[-1] in 'ыі'
    harmonies = set()
    for case in KK_CASES:
        form = row[case]
        stems = [nom] + sorted(OTHER_STEMS.get(code, ()))
        matched = False
        for stem in stems:
            if not form.startswith(stem):
                continue
            suffix = form[len(stem):]
            stem_last = stem.rpartition(' ')[2]
            if possessive and stem == nom:
                options = {POSSESSIVE[case]}
            else:
                options = {SUFFIXES[case][k] for k in sound_classes(stem_last)}
            for back, front in options:
                if suffix in (back, front):
                    matched = True
                    h = harmony(stem_last)
                    side = 'b' if suffix == back else 'f'
                    if back == front:  # -мен/-бен/-пен and -н say nothing of harmony
                        side = None
                    if h and side and h != side:
                        problems.append(f'{code}: {case} «{form}»: a {"back" if h == "b" else "front"}-vowel word takes -{back if h == "b" else front}, not -{suffix}')
                    if stem == nom and side:
                        harmonies.add(side)
                    if h is None and stem == nom:
                        unsure.add(code)
                    break
            if matched:
                break
        if not matched:
            expected = ', '.join(f'-{b}/-{f}' for b, f in sorted(
                {POSSESSIVE[case]} if possessive else {SUFFIXES[case][k] for k in sound_classes(last)}))
            problems.append(f'{code}: {case} «{form}» is not «{nom}» plus one of {expected}')
    if len(harmonies) > 1:
        problems.append(f'{code}: the Kazakh suffixes mix back and front vowels: ' + ', '.join(row[c] for c in KK_CASES))


def check(path, verbose=False):
    problems = []
    iso = iso_names()
    with open(path, encoding='utf-8', newline='') as f:
        reader = csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != COLUMNS:
            return [f'header is {header}, expected {COLUMNS}'], set()
        rows = []
        for number, fields in enumerate(reader, start=2):
            if len(fields) != len(COLUMNS):
                problems.append(f'line {number}: {len(fields)} columns, expected {len(COLUMNS)}')
                continue
            rows.append(dict(zip(COLUMNS, fields)))

    seen = {}
    for row in rows:
        code = row['code']
        if code in seen:
            problems.append(f'{code}: duplicate row')
        seen[code] = row
    for code in sorted(set(iso) - set(seen)):
        problems.append(f'{code} ({iso[code]}): no row')
    for code in sorted(set(seen) - set(iso)):
        problems.append(f'{code}: not in IsoCountries.cs')

    unsure = set()
    for row in rows:
        code = row['code']
        empty = [c for c in COLUMNS if not row[c].strip()]
        if empty:
            problems.append(f'{code}: empty ' + ', '.join(empty))
            continue
        if code in iso and row['en'] != iso[code]:
            problems.append(f'{code}: en is «{row["en"]}», IsoCountries.cs says «{iso[code]}»')
        for c in RU_FORMS + KK_CASES + ['kk_nom']:
            if not NAME_RE.match(row[c]):
                problems.append(f'{code}: {c} «{row[c]}» has a character other than Cyrillic letters, spaces, hyphens, apostrophes')
        preposition = row['ru_in']
        if preposition not in ('в', 'во', 'на'):
            problems.append(f'{code}: ru_in is «{preposition}», expected в, во or на')
        elif preposition != 'на':
            word = row['ru_pre'].lower()
            wants_vo = len(word) > 1 and word[0] in 'вф' and word[1] not in 'аеёиоуыэюя'
            if wants_vo != (preposition == 'во'):
                problems.append(f'{code}: «{preposition} {row["ru_pre"]}»: во stands before в/ф and a consonant, в elsewhere')
        words = len(row['ru_nom'].split())
        if code not in RU_OTHER_WORDS:
            for c in RU_FORMS[1:]:
                if len(row[c].split()) != words:
                    problems.append(f'{code}: {c} «{row[c]}» has not the {words} word(s) of «{row["ru_nom"]}»')
        check_kazakh(row, problems, unsure)

    if verbose:
        print(f'{len(rows)} rows')
        print('Kazakh rows whose harmony the last word alone does not decide (last vowel и/у/ю, or a final ь):')
        for code in sorted(unsure):
            r = seen[code]
            print(f'  {code} {r["kk_nom"]}: ' + ', '.join(r[c] for c in KK_CASES))
    return problems, unsure


def main(argv):
    verbose = '--verbose' in argv
    paths = [a for a in argv[1:] if a != '--verbose']
    path = Path(paths[0]) if paths else TABLE
    problems, _ = check(path, verbose)
    for problem in problems:
        print(problem)
    if problems:
        print(f'FAILED: {len(problems)} problem(s) in {path}')
        return 1
    print(f'OK: {path} is complete and consistent')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
