"""Writes a SYNTHETIC facts folder at world scale: one relation for every pair of the 193 UN member states.

Nothing in it is a claim about real countries: every state is renamed "Synthetic State NNN" (the facts format lets a
file rename any ISO country under `countries:`), and every source says it is synthetic benchmark data. The dates are
made up (derived from the pair's position), so that no date can be read as history.

    python3 bench/world/generate.py OUT_FOLDER

The output is about 1.3 MB and is never committed: the benchmark generates it into a temporary folder.
"""
import os
import sys

# The 193 member states of the United Nations, by ISO 3166-1 alpha-2 code.
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM
CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN
ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN
ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL
SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW
""".split()
assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193, len(UN_MEMBERS)

SOURCE = "Synthetic benchmark data (bench/world/generate.py): not a historical claim"


def main(out: str) -> None:
    os.makedirs(out, exist_ok=True)
    codes = sorted(UN_MEMBERS)
    with open(os.path.join(out, "synthetic-states.yaml"), "w", encoding="utf-8") as f:
        f.write("# SYNTHETIC benchmark data: every name, date and source below is made up.\n")
        f.write("countries:\n")
        for number, code in enumerate(codes, start=1):
            f.write(f"  {code}: Synthetic State {number:03d}\n")
        f.write("facts: []\n")
    rows = 0
    with open(os.path.join(out, "synthetic-relations.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("country_a,country_b,established,source_title,source_url\n")
        for i, a in enumerate(codes):
            for j in range(i + 1, len(codes)):
                n = i * len(codes) + j
                # Spread over 1946..2025 and the whole year; day 1..28 keeps every date valid.
                year, month, day = 1946 + n % 80, 1 + n % 12, 1 + (n // 12) % 28
                f.write(f"{a},{codes[j]},{year:04d}-{month:02d}-{day:02d},{SOURCE},\n")
                rows += 1
    print(f"{rows} synthetic relations between {len(codes)} synthetic states in {out}")


if __name__ == "__main__":
    main(sys.argv[1])
