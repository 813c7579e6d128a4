#!/usr/bin/env python3
"""Build assets/scenarios/world-today.ron, "The world today" (start 2026 Q1, 80 quarterly ticks).

Run from the repository root:

    python3 docs/world-today/build_world.py [--csv PATH] [--out PATH]

Standard library only. Reads the Correlates of War National Material Capabilities v6.0 (year 2016)
extract and writes a scenario in format version 1 (docs/FORMAT.md). Capability and economy come
from NMC; every other number is a hand-written teaching approximation kept in the tables below,
each with a comment saying where it comes from. The script asserts that every state in the CSV
is mapped, that every id it writes exists, that no pair is listed twice and that every value is
within the range docs/FORMAT.md accepts.
"""

import argparse
import csv
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nmc-v6-2016.csv")
DEFAULT_OUT = os.path.join(ROOT, "assets", "scenarios", "world-today.ron")

# ---------------------------------------------------------------------------------------------
# Regions: the UN geoscheme (UNSD M49) sub-regions, with Sub-Saharan Africa and Latin America and
# the Caribbean split into their intermediate regions (22 in all). The order here is the order of
# the file. (lon, lat) is the rough geographic centre used for the layout (x = lon * 9,
# y = -lat * 11); Polynesia is placed east of the date line (lon 185) so it stays in the Pacific.
# ---------------------------------------------------------------------------------------------
REGIONS = [
    ("northern-africa", "Northern Africa", (15, 27)),
    ("eastern-africa", "Eastern Africa", (37, -5)),
    ("middle-africa", "Middle Africa", (18, 0)),
    ("southern-africa", "Southern Africa", (24, -26)),
    ("western-africa", "Western Africa", (-5, 12)),
    ("caribbean", "Caribbean", (-70, 18)),
    ("central-america", "Central America", (-92, 16)),
    ("south-america", "South America", (-60, -15)),
    ("northern-america", "Northern America", (-100, 45)),
    ("central-asia", "Central Asia", (65, 42)),
    ("eastern-asia", "Eastern Asia", (115, 35)),
    ("south-eastern-asia", "South-eastern Asia", (110, 5)),
    ("southern-asia", "Southern Asia", (72, 25)),
    ("western-asia", "Western Asia", (45, 28)),
    ("eastern-europe", "Eastern Europe", (35, 52)),
    ("northern-europe", "Northern Europe", (15, 60)),
    ("southern-europe", "Southern Europe", (15, 42)),
    ("western-europe", "Western Europe", (6, 49)),
    ("australia-and-new-zealand", "Australia and New Zealand", (140, -30)),
    ("melanesia", "Melanesia", (160, -10)),
    ("micronesia", "Micronesia", (160, 8)),
    ("polynesia", "Polynesia", (185, -15)),
]

# Proximity of pairs of regions (docs/FORMAT.md: unlisted pairs count as 0.2). Land or sea
# neighbours 0.5-0.6; farther pairs on the same continent 0.3; everything else unlisted. The
# script sorts each pair and the list.
PROXIMITY = [
    # Europe
    ("western-europe", "northern-europe", 0.6),
    ("western-europe", "southern-europe", 0.6),
    ("western-europe", "eastern-europe", 0.6),
    ("northern-europe", "eastern-europe", 0.6),   # the Baltic states and Finland border Russia
    ("southern-europe", "eastern-europe", 0.5),   # the Balkans and the Danube
    ("northern-europe", "southern-europe", 0.3),
    # Europe, Africa and the Middle East
    ("northern-africa", "southern-europe", 0.5),  # across the Mediterranean
    ("northern-africa", "western-asia", 0.6),     # Egypt and the Levant
    ("southern-europe", "western-asia", 0.5),     # Greece, Turkey, Cyprus
    ("eastern-europe", "western-asia", 0.5),      # Russia and the Caucasus, the Black Sea
    ("eastern-africa", "western-asia", 0.5),      # the Horn and the Arabian Peninsula
    # Europe and Asia
    ("eastern-europe", "central-asia", 0.5),      # Russia and Kazakhstan
    ("eastern-europe", "eastern-asia", 0.5),      # Russia's Far East: China, Mongolia, North Korea
    # Asia
    ("central-asia", "southern-asia", 0.5),       # Afghanistan, Iran
    ("central-asia", "eastern-asia", 0.5),        # China and Kazakhstan, Kyrgyzstan, Tajikistan
    ("central-asia", "western-asia", 0.5),        # across the Caspian
    ("southern-asia", "western-asia", 0.6),       # Iran, Iraq and the Gulf
    ("southern-asia", "south-eastern-asia", 0.5), # India, Bangladesh and Myanmar
    ("southern-asia", "eastern-asia", 0.5),       # China, India and Pakistan
    ("south-eastern-asia", "eastern-asia", 0.6),  # the South China Sea
    ("central-asia", "south-eastern-asia", 0.3),
    ("western-asia", "eastern-asia", 0.3),
    ("western-asia", "south-eastern-asia", 0.3),
    # Asia and Oceania
    ("south-eastern-asia", "australia-and-new-zealand", 0.5),
    ("south-eastern-asia", "melanesia", 0.5),     # Indonesia and Papua New Guinea
    # Oceania
    ("australia-and-new-zealand", "melanesia", 0.6),
    ("australia-and-new-zealand", "polynesia", 0.5),
    ("australia-and-new-zealand", "micronesia", 0.3),
    ("melanesia", "micronesia", 0.5),
    ("melanesia", "polynesia", 0.5),
    ("micronesia", "polynesia", 0.5),
    # The Americas
    ("caribbean", "central-america", 0.6),
    ("caribbean", "south-america", 0.5),
    ("caribbean", "northern-america", 0.5),
    ("central-america", "south-america", 0.5),    # Panama and Colombia
    ("central-america", "northern-america", 0.6), # Mexico and the United States
    ("northern-america", "south-america", 0.3),
    # Africa
    ("northern-africa", "western-africa", 0.5),   # the Sahara and the Sahel
    ("northern-africa", "middle-africa", 0.5),    # Libya, Sudan and Chad
    ("northern-africa", "eastern-africa", 0.6),   # Sudan, South Sudan, Ethiopia, Eritrea
    ("western-africa", "middle-africa", 0.6),     # Nigeria, Niger, Cameroon and Chad
    ("middle-africa", "eastern-africa", 0.6),     # the Great Lakes
    ("middle-africa", "southern-africa", 0.5),    # Angola and Namibia
    ("eastern-africa", "southern-africa", 0.6),   # Mozambique, Zimbabwe, Zambia
    ("western-africa", "eastern-africa", 0.3),
    ("western-africa", "southern-africa", 0.3),
    ("northern-africa", "southern-africa", 0.3),
]

# ---------------------------------------------------------------------------------------------
# COW state abbreviation -> (ISO 3166-1 alpha-3, English short name, M49 region). Kosovo has no
# ISO code; XKX is the user-assigned code the EU and the IMF use. COW codes differ from ISO: COW
# AUS is Austria (Australia is AUL), SWZ Switzerland (Eswatini is SWA), and so on.
# Names are kept in ASCII.
# ---------------------------------------------------------------------------------------------
COW_TO_ISO = {
    # Northern America
    "USA": ("USA", "United States", "northern-america"),
    "CAN": ("CAN", "Canada", "northern-america"),
    # Caribbean
    "BHM": ("BHS", "Bahamas", "caribbean"),
    "CUB": ("CUB", "Cuba", "caribbean"),
    "HAI": ("HTI", "Haiti", "caribbean"),
    "DOM": ("DOM", "Dominican Republic", "caribbean"),
    "JAM": ("JAM", "Jamaica", "caribbean"),
    "TRI": ("TTO", "Trinidad and Tobago", "caribbean"),
    "BAR": ("BRB", "Barbados", "caribbean"),
    "DMA": ("DMA", "Dominica", "caribbean"),
    "GRN": ("GRD", "Grenada", "caribbean"),
    "SLU": ("LCA", "Saint Lucia", "caribbean"),
    "SVG": ("VCT", "Saint Vincent and the Grenadines", "caribbean"),
    "AAB": ("ATG", "Antigua and Barbuda", "caribbean"),
    "SKN": ("KNA", "Saint Kitts and Nevis", "caribbean"),
    # Central America (M49 includes Mexico)
    "MEX": ("MEX", "Mexico", "central-america"),
    "BLZ": ("BLZ", "Belize", "central-america"),
    "GUA": ("GTM", "Guatemala", "central-america"),
    "HON": ("HND", "Honduras", "central-america"),
    "SAL": ("SLV", "El Salvador", "central-america"),
    "NIC": ("NIC", "Nicaragua", "central-america"),
    "COS": ("CRI", "Costa Rica", "central-america"),
    "PAN": ("PAN", "Panama", "central-america"),
    # South America
    "COL": ("COL", "Colombia", "south-america"),
    "VEN": ("VEN", "Venezuela", "south-america"),
    "GUY": ("GUY", "Guyana", "south-america"),
    "SUR": ("SUR", "Suriname", "south-america"),
    "ECU": ("ECU", "Ecuador", "south-america"),
    "PER": ("PER", "Peru", "south-america"),
    "BRA": ("BRA", "Brazil", "south-america"),
    "BOL": ("BOL", "Bolivia", "south-america"),
    "PAR": ("PRY", "Paraguay", "south-america"),
    "CHL": ("CHL", "Chile", "south-america"),
    "ARG": ("ARG", "Argentina", "south-america"),
    "URU": ("URY", "Uruguay", "south-america"),
    # Northern Europe
    "UKG": ("GBR", "United Kingdom", "northern-europe"),
    "IRE": ("IRL", "Ireland", "northern-europe"),
    "EST": ("EST", "Estonia", "northern-europe"),
    "LAT": ("LVA", "Latvia", "northern-europe"),
    "LIT": ("LTU", "Lithuania", "northern-europe"),
    "FIN": ("FIN", "Finland", "northern-europe"),
    "SWD": ("SWE", "Sweden", "northern-europe"),
    "NOR": ("NOR", "Norway", "northern-europe"),
    "DEN": ("DNK", "Denmark", "northern-europe"),
    "ICE": ("ISL", "Iceland", "northern-europe"),
    # Western Europe
    "NTH": ("NLD", "Netherlands", "western-europe"),
    "BEL": ("BEL", "Belgium", "western-europe"),
    "LUX": ("LUX", "Luxembourg", "western-europe"),
    "FRN": ("FRA", "France", "western-europe"),
    "MNC": ("MCO", "Monaco", "western-europe"),
    "LIE": ("LIE", "Liechtenstein", "western-europe"),
    "SWZ": ("CHE", "Switzerland", "western-europe"),
    "GMY": ("DEU", "Germany", "western-europe"),
    "AUS": ("AUT", "Austria", "western-europe"),
    # Southern Europe (Kosovo placed here, as the brief asks; M49 has no code for it)
    "SPN": ("ESP", "Spain", "southern-europe"),
    "AND": ("AND", "Andorra", "southern-europe"),
    "POR": ("PRT", "Portugal", "southern-europe"),
    "ITA": ("ITA", "Italy", "southern-europe"),
    "SNM": ("SMR", "San Marino", "southern-europe"),
    "MLT": ("MLT", "Malta", "southern-europe"),
    "ALB": ("ALB", "Albania", "southern-europe"),
    "MNG": ("MNE", "Montenegro", "southern-europe"),
    "MAC": ("MKD", "North Macedonia", "southern-europe"),
    "CRO": ("HRV", "Croatia", "southern-europe"),
    "YUG": ("SRB", "Serbia", "southern-europe"),
    "BOS": ("BIH", "Bosnia and Herzegovina", "southern-europe"),
    "KOS": ("XKX", "Kosovo", "southern-europe"),
    "SLV": ("SVN", "Slovenia", "southern-europe"),
    "GRC": ("GRC", "Greece", "southern-europe"),
    # Eastern Europe (M49 includes Russia)
    "POL": ("POL", "Poland", "eastern-europe"),
    "HUN": ("HUN", "Hungary", "eastern-europe"),
    "CZR": ("CZE", "Czechia", "eastern-europe"),
    "SLO": ("SVK", "Slovakia", "eastern-europe"),
    "BUL": ("BGR", "Bulgaria", "eastern-europe"),
    "MLD": ("MDA", "Moldova", "eastern-europe"),
    "ROM": ("ROU", "Romania", "eastern-europe"),
    "RUS": ("RUS", "Russia", "eastern-europe"),
    "UKR": ("UKR", "Ukraine", "eastern-europe"),
    "BLR": ("BLR", "Belarus", "eastern-europe"),
    # Western Asia (M49 includes Cyprus, Turkey and the South Caucasus)
    "CYP": ("CYP", "Cyprus", "western-asia"),
    "ARM": ("ARM", "Armenia", "western-asia"),
    "GRG": ("GEO", "Georgia", "western-asia"),
    "AZE": ("AZE", "Azerbaijan", "western-asia"),
    "TUR": ("TUR", "Turkey", "western-asia"),
    "IRQ": ("IRQ", "Iraq", "western-asia"),
    "SYR": ("SYR", "Syria", "western-asia"),
    "LEB": ("LBN", "Lebanon", "western-asia"),
    "JOR": ("JOR", "Jordan", "western-asia"),
    "ISR": ("ISR", "Israel", "western-asia"),
    "SAU": ("SAU", "Saudi Arabia", "western-asia"),
    "YEM": ("YEM", "Yemen", "western-asia"),
    "KUW": ("KWT", "Kuwait", "western-asia"),
    "BAH": ("BHR", "Bahrain", "western-asia"),
    "QAT": ("QAT", "Qatar", "western-asia"),
    "UAE": ("ARE", "United Arab Emirates", "western-asia"),
    "OMA": ("OMN", "Oman", "western-asia"),
    # Western Africa
    "CAP": ("CPV", "Cabo Verde", "western-africa"),
    "GNB": ("GNB", "Guinea-Bissau", "western-africa"),
    "GAM": ("GMB", "Gambia", "western-africa"),
    "MLI": ("MLI", "Mali", "western-africa"),
    "SEN": ("SEN", "Senegal", "western-africa"),
    "BEN": ("BEN", "Benin", "western-africa"),
    "MAA": ("MRT", "Mauritania", "western-africa"),
    "NIR": ("NER", "Niger", "western-africa"),
    "CDI": ("CIV", "Cote d'Ivoire", "western-africa"),
    "GUI": ("GIN", "Guinea", "western-africa"),
    "BFO": ("BFA", "Burkina Faso", "western-africa"),
    "LBR": ("LBR", "Liberia", "western-africa"),
    "SIE": ("SLE", "Sierra Leone", "western-africa"),
    "GHA": ("GHA", "Ghana", "western-africa"),
    "TOG": ("TGO", "Togo", "western-africa"),
    "NIG": ("NGA", "Nigeria", "western-africa"),
    # Middle Africa
    "STP": ("STP", "Sao Tome and Principe", "middle-africa"),
    "EQG": ("GNQ", "Equatorial Guinea", "middle-africa"),
    "CAO": ("CMR", "Cameroon", "middle-africa"),
    "GAB": ("GAB", "Gabon", "middle-africa"),
    "CEN": ("CAF", "Central African Republic", "middle-africa"),
    "CHA": ("TCD", "Chad", "middle-africa"),
    "CON": ("COG", "Congo", "middle-africa"),
    "DRC": ("COD", "DR Congo", "middle-africa"),
    "ANG": ("AGO", "Angola", "middle-africa"),
    # Eastern Africa (M49 includes South Sudan, Zambia, Zimbabwe and the Indian Ocean islands)
    "UGA": ("UGA", "Uganda", "eastern-africa"),
    "KEN": ("KEN", "Kenya", "eastern-africa"),
    "TAZ": ("TZA", "Tanzania", "eastern-africa"),
    "BUI": ("BDI", "Burundi", "eastern-africa"),
    "RWA": ("RWA", "Rwanda", "eastern-africa"),
    "SOM": ("SOM", "Somalia", "eastern-africa"),
    "DJI": ("DJI", "Djibouti", "eastern-africa"),
    "ETH": ("ETH", "Ethiopia", "eastern-africa"),
    "ERI": ("ERI", "Eritrea", "eastern-africa"),
    "SSD": ("SSD", "South Sudan", "eastern-africa"),
    "MZM": ("MOZ", "Mozambique", "eastern-africa"),
    "ZAM": ("ZMB", "Zambia", "eastern-africa"),
    "ZIM": ("ZWE", "Zimbabwe", "eastern-africa"),
    "MAW": ("MWI", "Malawi", "eastern-africa"),
    "MAG": ("MDG", "Madagascar", "eastern-africa"),
    "COM": ("COM", "Comoros", "eastern-africa"),
    "MAS": ("MUS", "Mauritius", "eastern-africa"),
    "SEY": ("SYC", "Seychelles", "eastern-africa"),
    # Southern Africa
    "SAF": ("ZAF", "South Africa", "southern-africa"),
    "NAM": ("NAM", "Namibia", "southern-africa"),
    "LES": ("LSO", "Lesotho", "southern-africa"),
    "BOT": ("BWA", "Botswana", "southern-africa"),
    "SWA": ("SWZ", "Eswatini", "southern-africa"),
    # Northern Africa (M49 includes Sudan)
    "MOR": ("MAR", "Morocco", "northern-africa"),
    "ALG": ("DZA", "Algeria", "northern-africa"),
    "TUN": ("TUN", "Tunisia", "northern-africa"),
    "LIB": ("LBY", "Libya", "northern-africa"),
    "SUD": ("SDN", "Sudan", "northern-africa"),
    "EGY": ("EGY", "Egypt", "northern-africa"),
    # Southern Asia (M49 includes Iran)
    "IRN": ("IRN", "Iran", "southern-asia"),
    "AFG": ("AFG", "Afghanistan", "southern-asia"),
    "IND": ("IND", "India", "southern-asia"),
    "BHU": ("BTN", "Bhutan", "southern-asia"),
    "PAK": ("PAK", "Pakistan", "southern-asia"),
    "BNG": ("BGD", "Bangladesh", "southern-asia"),
    "SRI": ("LKA", "Sri Lanka", "southern-asia"),
    "MAD": ("MDV", "Maldives", "southern-asia"),
    "NEP": ("NPL", "Nepal", "southern-asia"),
    # Central Asia
    "TKM": ("TKM", "Turkmenistan", "central-asia"),
    "TAJ": ("TJK", "Tajikistan", "central-asia"),
    "KYR": ("KGZ", "Kyrgyzstan", "central-asia"),
    "UZB": ("UZB", "Uzbekistan", "central-asia"),
    "KZK": ("KAZ", "Kazakhstan", "central-asia"),
    # Eastern Asia
    "CHN": ("CHN", "China", "eastern-asia"),
    "MON": ("MNG", "Mongolia", "eastern-asia"),
    "TAW": ("TWN", "Taiwan", "eastern-asia"),
    "PRK": ("PRK", "North Korea", "eastern-asia"),
    "ROK": ("KOR", "South Korea", "eastern-asia"),
    "JPN": ("JPN", "Japan", "eastern-asia"),
    # South-eastern Asia
    "MYA": ("MMR", "Myanmar", "south-eastern-asia"),
    "THI": ("THA", "Thailand", "south-eastern-asia"),
    "CAM": ("KHM", "Cambodia", "south-eastern-asia"),
    "LAO": ("LAO", "Laos", "south-eastern-asia"),
    "DRV": ("VNM", "Vietnam", "south-eastern-asia"),
    "MAL": ("MYS", "Malaysia", "south-eastern-asia"),
    "SIN": ("SGP", "Singapore", "south-eastern-asia"),
    "BRU": ("BRN", "Brunei", "south-eastern-asia"),
    "PHI": ("PHL", "Philippines", "south-eastern-asia"),
    "INS": ("IDN", "Indonesia", "south-eastern-asia"),
    "ETM": ("TLS", "Timor-Leste", "south-eastern-asia"),
    # Australia and New Zealand
    "AUL": ("AUS", "Australia", "australia-and-new-zealand"),
    "NEW": ("NZL", "New Zealand", "australia-and-new-zealand"),
    # Melanesia
    "PNG": ("PNG", "Papua New Guinea", "melanesia"),
    "VAN": ("VUT", "Vanuatu", "melanesia"),
    "SOL": ("SLB", "Solomon Islands", "melanesia"),
    "FIJ": ("FJI", "Fiji", "melanesia"),
    # Micronesia
    "KIR": ("KIR", "Kiribati", "micronesia"),
    "NAU": ("NRU", "Nauru", "micronesia"),
    "MSI": ("MHL", "Marshall Islands", "micronesia"),
    "PAL": ("PLW", "Palau", "micronesia"),
    "FSM": ("FSM", "Federated States of Micronesia", "micronesia"),
    # Polynesia
    "TUV": ("TUV", "Tuvalu", "polynesia"),
    "TON": ("TON", "Tonga", "polynesia"),
    "WSM": ("WSM", "Samoa", "polynesia"),
}

# ---------------------------------------------------------------------------------------------
# Defence burden: military expenditure as a share of GDP, SIPRI Military Expenditure Database,
# recent years (mostly 2023-2024), approximate. Values the brief fixes are kept as given (USA,
# RUS, CHN, IND, SAU, ISR, GBR, FRA, DEU, POL, UKR, KOR, JPN, PAK, IRN, TUR, EGY, DZA, OMN, KWT,
# PRK). Where SIPRI has no recent figure (e.g. Cuba, Eritrea, Qatar, the UAE, Syria, Yemen, Libya,
# Sudan, Somalia, Afghanistan, Myanmar, Laos) the value is an estimate. States without armed
# forces (Costa Rica, Iceland, Panama, Liechtenstein, Monaco, Andorra, San Marino, the small
# island states) get 0.0 to 0.005. States not listed get DEFAULT_DEFENCE_SHARE.
# ---------------------------------------------------------------------------------------------
DEFAULT_DEFENCE_SHARE = 0.015
DEFENCE_SHARE = {
    # Northern America
    "USA": 0.034, "CAN": 0.013,
    # Caribbean
    "BHS": 0.008, "CUB": 0.03, "HTI": 0.002, "DOM": 0.007, "JAM": 0.014, "TTO": 0.01,
    "BRB": 0.007, "DMA": 0.0, "GRD": 0.0, "LCA": 0.0, "VCT": 0.0, "ATG": 0.005, "KNA": 0.003,
    # Central America
    "MEX": 0.007, "BLZ": 0.012, "GTM": 0.004, "HND": 0.014, "SLV": 0.012, "NIC": 0.006,
    "CRI": 0.0, "PAN": 0.0,
    # South America
    "COL": 0.031, "VEN": 0.01, "GUY": 0.006, "SUR": 0.006, "ECU": 0.02, "PER": 0.011,
    "BRA": 0.011, "BOL": 0.012, "PRY": 0.01, "CHL": 0.015, "ARG": 0.005, "URY": 0.019,
    # Northern Europe
    "GBR": 0.023, "IRL": 0.002, "EST": 0.034, "LVA": 0.032, "LTU": 0.029, "FIN": 0.024,
    "SWE": 0.022, "NOR": 0.02, "DNK": 0.024, "ISL": 0.0,
    # Western Europe
    "NLD": 0.02, "BEL": 0.013, "LUX": 0.007, "FRA": 0.02, "MCO": 0.0, "LIE": 0.0, "CHE": 0.007,
    "DEU": 0.015, "AUT": 0.009,
    # Southern Europe
    "ESP": 0.013, "AND": 0.0, "PRT": 0.015, "ITA": 0.016, "SMR": 0.0, "MLT": 0.005,
    "ALB": 0.02, "MNE": 0.018, "MKD": 0.02, "HRV": 0.018, "SRB": 0.022, "BIH": 0.007,
    "XKX": 0.012, "SVN": 0.013, "GRC": 0.031,
    # Eastern Europe
    "POL": 0.04, "HUN": 0.021, "CZE": 0.021, "SVK": 0.02, "BGR": 0.02, "MDA": 0.006,
    "ROU": 0.023, "RUS": 0.06, "UKR": 0.25, "BLR": 0.015,
    # Western Asia
    "CYP": 0.018, "ARM": 0.045, "GEO": 0.017, "AZE": 0.05, "TUR": 0.02, "IRQ": 0.025,
    "SYR": 0.03, "LBN": 0.03, "JOR": 0.048, "ISR": 0.05, "SAU": 0.07, "YEM": 0.04,
    "KWT": 0.045, "BHR": 0.03, "QAT": 0.04, "ARE": 0.05, "OMN": 0.055,
    # Western Africa
    "CPV": 0.005, "GNB": 0.015, "GMB": 0.005, "MLI": 0.035, "SEN": 0.015, "BEN": 0.007,
    "MRT": 0.025, "NER": 0.02, "CIV": 0.009, "GIN": 0.017, "BFA": 0.04, "LBR": 0.005,
    "SLE": 0.005, "GHA": 0.004, "TGO": 0.02, "NGA": 0.006,
    # Middle Africa
    "STP": 0.005, "GNQ": 0.01, "CMR": 0.009, "GAB": 0.015, "CAF": 0.015, "TCD": 0.025,
    "COG": 0.02, "COD": 0.012, "AGO": 0.013,
    # Eastern Africa
    "UGA": 0.02, "KEN": 0.01, "TZA": 0.01, "BDI": 0.018, "RWA": 0.013, "SOM": 0.02,
    "DJI": 0.02, "ETH": 0.01, "ERI": 0.1, "SSD": 0.03, "MOZ": 0.012, "ZMB": 0.012,
    "ZWE": 0.008, "MWI": 0.006, "MDG": 0.006, "COM": 0.005, "MUS": 0.002, "SYC": 0.01,
    # Southern Africa
    "ZAF": 0.007, "NAM": 0.028, "LSO": 0.015, "BWA": 0.025, "SWZ": 0.015,
    # Northern Africa
    "MAR": 0.04, "DZA": 0.045, "TUN": 0.025, "LBY": 0.02, "SDN": 0.04, "EGY": 0.012,
    # Southern Asia
    "IRN": 0.025, "AFG": 0.02, "IND": 0.024, "BTN": 0.01, "PAK": 0.03, "BGD": 0.01,
    "LKA": 0.017, "MDV": 0.01, "NPL": 0.01,
    # Central Asia (Turkmenistan and Uzbekistan publish no figures: default)
    "TJK": 0.01, "KGZ": 0.016, "KAZ": 0.006,
    # Eastern Asia
    "CHN": 0.017, "MNG": 0.007, "TWN": 0.022, "PRK": 0.2, "KOR": 0.027, "JPN": 0.012,
    # South-eastern Asia
    "MMR": 0.03, "THA": 0.013, "KHM": 0.02, "LAO": 0.005, "VNM": 0.022, "MYS": 0.01,
    "SGP": 0.028, "BRN": 0.027, "PHL": 0.013, "IDN": 0.008, "TLS": 0.01,
    # Oceania
    "AUS": 0.02, "NZL": 0.012, "PNG": 0.003, "FJI": 0.012, "VUT": 0.0, "SLB": 0.0,
    "KIR": 0.0, "NRU": 0.0, "MHL": 0.0, "PLW": 0.0, "FSM": 0.0, "TUV": 0.0, "TON": 0.01,
    "WSM": 0.0,
}

# ---------------------------------------------------------------------------------------------
# Democracy: EIU Democracy Index 2024 categories; for states the index omits, Freedom House,
# Freedom in the World 2025 status. Worst closed autocracies (bottom of the EIU index) 0.05.
# ---------------------------------------------------------------------------------------------
DEMOCRACY_LEVEL = {"full": 0.95, "flawed": 0.75, "hybrid": 0.45, "authoritarian": 0.15,
                   "closed": 0.05, "fh-free": 0.9, "fh-partly": 0.5, "fh-not": 0.15}
DEMOCRACY = {
    # EIU full democracies
    "full": "NOR NZL SWE ISL CHE FIN DNK IRL NLD AUS TWN URY LUX DEU CAN JPN CRI AUT ESP MUS "
            "EST CZE PRT GRC GBR",
    # EIU flawed democracies
    "flawed": "FRA KOR CHL BEL ITA MLT USA ISR SVN CPV BWA LVA LTU CYP POL SVK IND TTO JAM PAN "
              "SUR ZAF MYS TLS ARG BRA COL HUN IDN PHL NAM DOM GHA HRV BGR ROU SRB MNE ALB MKD "
              "MNG THA LKA PRY GUY LSO SGP MDA",
    # EIU hybrid regimes
    "hybrid": "MEX GTM HND SLV ECU PER BOL BIH UKR ARM GEO GMB SEN BEN MRT CIV LBR SLE NGA UGA "
              "KEN TZA ZMB MWI MDG MAR TUN TUR BTN BGD NPL PNG FJI",
    # EIU authoritarian regimes
    "authoritarian": "NIC VEN CUB HTI RUS BLR AZE GNB GNQ MLI NER GIN BFA TGO CMR GAB TCD COG "
                     "COD BDI RWA DJI ETH AGO MOZ ZWE SWZ COM DZA LBY SDN EGY IRN IRQ LBN JOR "
                     "SAU YEM KWT BHR QAT ARE OMN TJK KGZ UZB KAZ CHN PAK KHM LAO VNM",
    # the bottom of the EIU index: closed autocracies
    "closed": "PRK ERI TKM AFG MMR SYR CAF",
    # not in the EIU index: Freedom House status
    "fh-free": "BLZ BHS BRB DMA GRD LCA VCT ATG KNA MCO LIE AND SMR STP SYC VUT SLB KIR TUV "
               "NRU MHL PLW FSM WSM TON",
    "fh-partly": "XKX MDV",
    "fh-not": "SOM SSD BRN",
}

# ---------------------------------------------------------------------------------------------
# Ideology: alignment with the Western liberal order, a teaching approximation informed by UN
# General Assembly ideal points (Bailey, Strezhnev & Voeten 2017). Default round(1.1 * democracy
# - 0.5, 2) clamped to [-1, 1]; the overrides below are the clear cases.
# ---------------------------------------------------------------------------------------------
IDEOLOGY_OVERRIDE = {
    # The United States and its closest allies
    "USA": 0.8, "ISR": 0.6, "GBR": 0.7, "CAN": 0.7, "AUS": 0.7, "NZL": 0.7, "JPN": 0.7,
    "KOR": 0.6, "TWN": 0.6, "UKR": 0.5,
    # EU and NATO Europe 0.5-0.7
    "DEU": 0.65, "NLD": 0.65, "DNK": 0.65, "SWE": 0.65, "FIN": 0.65, "NOR": 0.65, "EST": 0.65,
    "LVA": 0.65, "LTU": 0.65, "POL": 0.65, "FRA": 0.6, "ITA": 0.6, "ESP": 0.6, "PRT": 0.6,
    "BEL": 0.6, "LUX": 0.6, "IRL": 0.55, "AUT": 0.55, "CZE": 0.6, "ROU": 0.6, "HRV": 0.55,
    "SVN": 0.55, "GRC": 0.55, "BGR": 0.55, "ISL": 0.6, "ALB": 0.55, "MNE": 0.55, "MKD": 0.55,
    "CYP": 0.5, "MLT": 0.5, "SVK": 0.5, "HUN": 0.5,
    # Other Europe and the Caucasus
    "MDA": 0.4, "XKX": 0.5, "SRB": 0.1, "BIH": 0.1, "GEO": 0.0, "ARM": 0.1, "AZE": -0.2,
    # The brief's rivals of the West
    "RUS": -0.7, "CHN": -0.6, "IRN": -0.8, "PRK": -0.9, "CUB": -0.8, "VEN": -0.6, "NIC": -0.6,
    "SYR": -0.7, "BLR": -0.6, "ERI": -0.6,
    # Swing states and non-aligned powers (brief)
    "IND": 0.1, "BRA": 0.1, "ZAF": 0.0, "TUR": 0.1, "SAU": 0.1, "EGY": 0.0, "PAK": -0.1,
    "VNM": -0.4, "LAO": -0.5,
    # Gulf monarchies 0.1-0.2
    "ARE": 0.2, "QAT": 0.1, "KWT": 0.1, "BHR": 0.2, "OMN": 0.1,
    # Middle East and North Africa
    "JOR": 0.2, "MAR": 0.2, "DZA": -0.3, "IRQ": -0.2, "LBN": -0.1, "YEM": -0.3, "LBY": -0.2,
    "AFG": -0.5, "SDN": -0.3,
    # Asia
    "MNG": 0.2, "LKA": 0.0, "IDN": 0.0, "MYS": 0.0, "THA": 0.1, "PHL": 0.3, "SGP": 0.4,
    "TLS": 0.2, "BRN": 0.0, "KHM": -0.4, "MMR": -0.5, "KAZ": -0.2, "UZB": -0.2, "KGZ": -0.3,
    "TJK": -0.4, "TKM": -0.3,
    # The Americas
    "MEX": 0.1, "COL": 0.1, "ARG": 0.4, "CHL": 0.4, "URY": 0.4, "PER": 0.2, "PRY": 0.3,
    "PAN": 0.3, "DOM": 0.3, "JAM": 0.2, "TTO": 0.2, "GUY": 0.3, "SUR": 0.1, "CRI": 0.45,
    "BOL": 0.1, "ECU": 0.3, "SLV": 0.3, "GTM": 0.2, "HTI": 0.0,
    "BHS": 0.3, "BRB": 0.3, "DMA": 0.3, "GRD": 0.3, "LCA": 0.3, "VCT": 0.3, "ATG": 0.3,
    "KNA": 0.3, "BLZ": 0.3,
    # Africa
    "MUS": 0.2, "NAM": 0.0, "BWA": 0.2, "GHA": 0.2, "LSO": 0.0, "CPV": 0.3, "KEN": 0.2,
    "RWA": -0.1, "ETH": -0.2, "MLI": -0.5, "BFA": -0.5, "NER": -0.5, "CAF": -0.4, "ZWE": -0.4,
    "AGO": -0.1, "MOZ": -0.2, "UGA": -0.2,
    # Pacific: the Compact states vote with the United States; Kiribati, Solomon Islands and
    # Nauru have moved towards China
    "PLW": 0.6, "MHL": 0.6, "FSM": 0.6, "NRU": 0.3, "TUV": 0.4, "KIR": 0.1, "SLB": 0.0,
    "VUT": 0.2, "FJI": 0.3, "PNG": 0.3, "WSM": 0.3, "TON": 0.3,
}

# ---------------------------------------------------------------------------------------------
# Fragility: Fund for Peace Fragile States Index (2016-2024) grouped into five levels, with UCDP
# armed-conflict data for states with active armed conflicts. Values are
# (stability, legitimacy, capacity, armed_groups, grievance); legitimacy is the model's
# international legitimacy / reputation.
# ---------------------------------------------------------------------------------------------
FRAGILITY_LEVELS = {
    "very-stable": (0.85, 0.75, 0.9, 0.0, 0.05),   # FSI "sustainable" and "very stable"
    "stable": (0.75, 0.65, 0.8, 0.01, 0.1),         # FSI "more stable" and "stable"
    "warning": (0.6, 0.5, 0.6, 0.04, 0.2),          # FSI "warning" and "elevated warning"
    "alert": (0.45, 0.35, 0.45, 0.1, 0.35),         # FSI "high warning" and "alert"
    "high-alert": (0.3, 0.25, 0.3, 0.25, 0.5),      # FSI "high alert" or in armed conflict (UCDP)
}
FRAGILITY = {
    "very-stable": "NOR FIN ISL DNK SWE NZL CHE LUX IRL CAN AUS NLD DEU AUT PRT JPN SVN BEL SGP "
                   "KOR FRA LIE MCO SMR AND",
    "stable": "GBR USA ESP ITA EST LVA LTU POL CZE SVK HUN HRV GRC CYP MLT BGR ROU CHL CRI URY "
              "ARG PAN MUS BWA ARE QAT KWT OMN BRN MYS TWN ISR SYC BHS BRB ATG KNA GRD LCA VCT "
              "DMA MNE MNG TTO ALB MKD JAM PLW CPV WSM",
    "warning": "SRB BIH XKX MDA GEO ARM AZE BLR RUS TUR SAU BHR JOR KAZ UZB TKM KGZ TJK CHN VNM "
               "THA IDN PHL IND LKA BTN MDV KHM LAO TLS MEX COL BRA PER ECU BOL PRY GUY SUR BLZ "
               "SLV DOM CUB HND ZAF NAM GHA SEN BEN GAB MAR DZA TUN STP GMB ZMB TZA LSO FJI VUT "
               "TON KIR FSM MHL NRU TUV",
    "alert": "GTM NIC VEN EGY SWZ KEN MDG MWI COM DJI RWA UGA BDI TGO LBR SLE GIN GNB GNQ CIV "
             "MRT AGO ZWE CMR TCD COG ERI LBN IRN PAK PRK PNG SLB BGD NPL",
    "high-alert": "SYR YEM SSD SOM CAF COD SDN AFG LBY MLI HTI MMR UKR BFA IRQ NGA ETH NER MOZ",
}
# Adjustments of single fields by knowledge (fields: stability, legitimacy, capacity,
# armed_groups, grievance).
FRAGILITY_ADJUST = {
    # The brief's two special cases
    "UKR": dict(stability=0.45, legitimacy=0.6, capacity=0.6, armed_groups=0.05, grievance=0.4),
    "ISR": dict(armed_groups=0.08, grievance=0.3),
    # Great powers and pariahs: international legitimacy low, state capacity high
    "USA": dict(grievance=0.15),
    "CHN": dict(stability=0.7, capacity=0.85, armed_groups=0.0),
    "RUS": dict(legitimacy=0.25, capacity=0.65, armed_groups=0.02, grievance=0.25),
    "BLR": dict(legitimacy=0.3, armed_groups=0.0),
    "IRN": dict(legitimacy=0.2, capacity=0.55, armed_groups=0.05, grievance=0.45),
    "PRK": dict(stability=0.6, legitimacy=0.15, capacity=0.55, armed_groups=0.0, grievance=0.4),
    "ERI": dict(stability=0.5, legitimacy=0.25, capacity=0.4, armed_groups=0.02, grievance=0.45),
    "VEN": dict(legitimacy=0.2, grievance=0.45),
    "NIC": dict(legitimacy=0.25),
    "CUB": dict(legitimacy=0.35, grievance=0.35),
    "TKM": dict(armed_groups=0.0),
    "IND": dict(stability=0.65, legitimacy=0.6, capacity=0.65, armed_groups=0.05, grievance=0.25),
    "TUR": dict(capacity=0.7, armed_groups=0.04),
    "SAU": dict(capacity=0.7),
    # Armed groups: cartels, gangs, insurgents (UCDP)
    "MEX": dict(armed_groups=0.1, grievance=0.25),
    "COL": dict(armed_groups=0.12, grievance=0.3),
    "ECU": dict(stability=0.5, armed_groups=0.1),
    "PHL": dict(armed_groups=0.06),
    "PAK": dict(armed_groups=0.15, grievance=0.45),
    "CMR": dict(armed_groups=0.15),
    "TCD": dict(armed_groups=0.12),
    "LBN": dict(capacity=0.35, armed_groups=0.2),
    "GEO": dict(grievance=0.3),
    "SRB": dict(grievance=0.3),
    "BIH": dict(grievance=0.3),
    "KEN": dict(grievance=0.4),
    "BGD": dict(grievance=0.45),
    # States in armed conflict, by knowledge
    "AFG": dict(stability=0.35, legitimacy=0.1, capacity=0.3, armed_groups=0.1, grievance=0.5),
    "MMR": dict(legitimacy=0.15, armed_groups=0.4),
    "SDN": dict(stability=0.2, capacity=0.2, armed_groups=0.4),
    "SOM": dict(capacity=0.2, armed_groups=0.35),
    "HTI": dict(stability=0.2, capacity=0.15, armed_groups=0.45, grievance=0.55),
    "YEM": dict(stability=0.2, capacity=0.2, armed_groups=0.4),
    "COD": dict(armed_groups=0.35),
    "MLI": dict(legitimacy=0.2, armed_groups=0.3),
    "BFA": dict(legitimacy=0.2, armed_groups=0.35),
    "NER": dict(legitimacy=0.2),
    "IRQ": dict(stability=0.4, capacity=0.4, armed_groups=0.15, grievance=0.4),
    "NGA": dict(stability=0.35, capacity=0.4),
    "MOZ": dict(stability=0.4, armed_groups=0.15),
    "LBY": dict(armed_groups=0.3),
    "SSD": dict(armed_groups=0.3),
    "CAF": dict(armed_groups=0.3),
    "SYR": dict(legitimacy=0.2, armed_groups=0.3),
}

# ---------------------------------------------------------------------------------------------
# Alliances in force at tick 0 (ATOP 5.1 and the treaty texts). collective_defence true unless
# stated. Members are ISO3 ids.
# ---------------------------------------------------------------------------------------------
NATO = ("ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD "
        "NOR POL PRT ROU SVK SVN ESP SWE TUR GBR USA").split()
EU = ("AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT "
      "ROU SVK SVN ESP SWE").split()
ARAB_LEAGUE = ("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN QAT SAU SOM SDN SYR TUN ARE "
               "YEM").split()  # Palestine, the 22nd member, is not among our nations
ALLIANCES = [
    # North Atlantic Treaty (1949); Finland joined 4 Apr 2023, Sweden 7 Mar 2024.
    ("nato", "NATO", NATO, True),
    # Collective Security Treaty (1992) and CSTO Charter (2002); Armenia froze its participation
    # in 2024 but has not left.
    ("csto", "Collective Security Treaty Organization", "RUS BLR ARM KAZ KGZ TJK".split(), True),
    # ANZUS (1951): the US obligations to New Zealand are suspended since 1986.
    ("anzus", "ANZUS", ["USA", "AUS"], True),
    ("us-japan", "US-Japan alliance", ["USA", "JPN"], True),        # 1960 treaty
    ("us-rok", "US-ROK alliance", ["USA", "KOR"], True),            # 1953 treaty
    ("us-philippines", "US-Philippines alliance", ["USA", "PHL"], True),  # 1951 treaty
    # Inter-American Treaty of Reciprocal Assistance (1947), current parties.
    ("rio-treaty", "Inter-American Treaty of Reciprocal Assistance (Rio Treaty)",
     "ARG BHS BRA CHL COL CRI DOM SLV GTM HTI HND PAN PRY PER TTO USA URY".split(), True),
    # Treaty on European Union, Art. 42(7).
    ("eu-mutual-assistance", "EU mutual assistance clause (Art. 42(7) TEU)", EU, True),
    # GCC Joint Defence Agreement (2000).
    ("gcc", "GCC Joint Defence Agreement", "SAU KWT BHR QAT ARE OMN".split(), True),
    # Sino-North Korean Mutual Aid and Cooperation Friendship Treaty (1961).
    ("china-dprk", "Sino-North Korean Treaty of Friendship", ["CHN", "PRK"], True),
    # Treaty on Comprehensive Strategic Partnership (2024), Art. 4 mutual assistance.
    ("russia-dprk", "Russia-DPRK Comprehensive Strategic Partnership Treaty", ["RUS", "PRK"], True),
    # Strategic Mutual Defence Agreement (17 Sep 2025).
    ("saudi-pakistan", "Saudi-Pakistan Strategic Mutual Defence Agreement", ["SAU", "PAK"], True),
    # Joint Defence and Economic Co-operation Treaty (1950): dormant, so no collective defence.
    ("arab-league-defence", "Arab League Joint Defence Treaty", ARAB_LEAGUE, False),
    # Added: Liptako-Gourma Charter (16 Sep 2023), a mutual defence pact of the three juntas.
    ("aes", "Alliance of Sahel States (Liptako-Gourma Charter)", ["MLI", "BFA", "NER"], True),
    # Added: Shusha Declaration on Allied Relations (15 Jun 2021), with a mutual assistance clause.
    ("turkey-azerbaijan", "Turkey-Azerbaijan alliance (Shusha Declaration)", ["TUR", "AZE"], True),
    # Added: Five Power Defence Arrangements (1971): consultation only, no defence guarantee.
    ("fpda", "Five Power Defence Arrangements", "AUS GBR MYS NZL SGP".split(), False),
]
# Members of these small alliances get a mild positive relation with each other when the pair is
# not listed in RELATIONS (NATO, the EU, the Rio Treaty and the Arab League are too large).
SMALL_ALLIANCES = ["csto", "anzus", "us-japan", "us-rok", "us-philippines", "gcc", "china-dprk",
                   "russia-dprk", "saudi-pakistan", "aes", "turkey-azerbaijan", "fpda"]
MILD_RELATION, MILD_TRUST = 0.4, 0.5
MILD_OVERRIDE = {"ARM": (0.3, 0.4)}  # Armenia froze its CSTO participation

# ---------------------------------------------------------------------------------------------
# Treaties in force at tick 0 (kinds of docs/FORMAT.md). ArmsTrade: seller first.
# PeacekeepingMandate: one party, the host, authority Unsc. All open-ended (no duration).
# ---------------------------------------------------------------------------------------------
ASEAN = "BRN KHM IDN LAO MYS MMR PHL SGP THA VNM".split()
# OSCE participating states among our nations: every European state except Kosovo, the South
# Caucasus, Cyprus and Turkey, the United States, Canada, Central Asia and Mongolia (the Holy See,
# the 57th, is not among our nations). Computed from the regions below.
TREATIES = [
    # UKUSA Agreement (1946), extended to Canada (1948), Australia and New Zealand (1956).
    ("five-eyes", "Five Eyes", "IntelligenceSharing", "USA GBR CAN AUS NZL".split(), 0.9),
    # Japan-ROK General Security of Military Information Agreement (23 Nov 2016).
    ("gsomia", "Japan-ROK GSOMIA", "IntelligenceSharing", ["JPN", "KOR"], 0.6),
    # AUKUS (15 Sep 2021): nuclear-powered submarines for Australia.
    ("aukus", "AUKUS submarines", "ArmsTrade", ["USA", "AUS"], 0.7),
    # US-Israel Memorandum of Understanding (14 Sep 2016, FY2019-2028).
    ("us-israel-mou", "US-Israel security assistance MOU", "ArmsTrade", ["USA", "ISR"], 0.8),
    # Taiwan Relations Act (10 Apr 1979).
    ("taiwan-relations-act", "Taiwan Relations Act arms sales", "ArmsTrade", ["USA", "TWN"], 0.6),
    # India-Russia programme of military-technical cooperation 2021-2031 (6 Dec 2021).
    ("russia-india-arms", "Russia-India military-technical cooperation", "ArmsTrade",
     ["RUS", "IND"], 0.5),
    # China-Pakistan Treaty of Friendship, Cooperation and Good-Neighbourly Relations (5 Apr 2005);
    # SIPRI Arms Transfers Database: China supplies most of Pakistan's major arms.
    ("china-pakistan-arms", "China-Pakistan arms transfers", "ArmsTrade", ["CHN", "PAK"], 0.6),
    # US-Saudi arms sales (Riyadh, 20 May 2017 and 13 May 2025).
    ("us-saudi-arms", "US-Saudi arms sales", "ArmsTrade", ["USA", "SAU"], 0.6),
    # Quadrilateral Security Dialogue (leaders' statement 12 Mar 2021).
    ("quad", "Quad", "ConfidenceBuilding", "USA JPN IND AUS".split(), 0.4),
    # Charter of the Shanghai Cooperation Organisation (7 Jun 2002); Iran 2023, Belarus 2024.
    ("sco", "Shanghai Cooperation Organisation", "ConfidenceBuilding",
     "CHN RUS IND PAK KAZ KGZ TJK UZB IRN BLR".split(), 0.3),
    # Treaty of Good-Neighbourliness and Friendly Cooperation (16 Jul 2001).
    ("russia-china-treaty", "Russia-China Treaty of Good-Neighbourliness", "NonAggression",
     ["RUS", "CHN"], 0.6),
    # ADMM-Plus (12 Oct 2010): ASEAN plus its eight dialogue partners.
    ("admm-plus", "ADMM-Plus", "ConfidenceBuilding",
     ASEAN + "AUS CHN IND JPN NZL RUS KOR USA".split(), 0.3),
    # Vienna Document 2011 on Confidence- and Security-Building Measures (30 Nov 2011).
    ("osce-vienna-document", "OSCE Vienna Document", "ConfidenceBuilding", "OSCE", 0.2),
    # UN peacekeeping operations in force (DPO list), one per host.
    ("monusco", "MONUSCO", "PeacekeepingMandate", ["COD"], 0.6),      # UNSCR 1925 (2010)
    ("unmiss", "UNMISS", "PeacekeepingMandate", ["SSD"], 0.6),        # UNSCR 1996 (2011)
    ("minusca", "MINUSCA", "PeacekeepingMandate", ["CAF"], 0.6),      # UNSCR 2149 (2014)
    ("unifil", "UNIFIL", "PeacekeepingMandate", ["LBN"], 0.6),        # UNSCR 425 (1978), 1701 (2006)
    ("unficyp", "UNFICYP", "PeacekeepingMandate", ["CYP"], 0.6),      # UNSCR 186 (1964)
    ("unmik", "UNMIK", "PeacekeepingMandate", ["XKX"], 0.6),          # UNSCR 1244 (1999)
]

# ---------------------------------------------------------------------------------------------
# Relations (relation in [-1, 1], trust strictly in (0, 1)); order within a pair does not matter,
# the script sorts. Teaching approximations from the current state of each pair.
# ---------------------------------------------------------------------------------------------
RELATIONS = [
    # --- Rivalries: the great powers
    ("USA", "RUS", -0.6, 0.1), ("USA", "CHN", -0.4, 0.2), ("USA", "IRN", -0.7, 0.05),
    ("USA", "PRK", -0.8, 0.05), ("USA", "VEN", -0.5, 0.1), ("USA", "CUB", -0.4, 0.15),
    ("USA", "BLR", -0.4, 0.15), ("USA", "ZAF", -0.2, 0.3),
    # --- Rivalries: Russia and Belarus with their neighbours and adversaries
    ("RUS", "UKR", -0.9, 0.02), ("GEO", "RUS", -0.6, 0.1), ("RUS", "EST", -0.5, 0.1),
    ("RUS", "LVA", -0.5, 0.1), ("RUS", "LTU", -0.5, 0.1), ("RUS", "POL", -0.5, 0.1),
    ("RUS", "GBR", -0.5, 0.1), ("RUS", "FIN", -0.4, 0.15), ("RUS", "DEU", -0.4, 0.15),
    ("RUS", "FRA", -0.4, 0.15), ("RUS", "MDA", -0.4, 0.15), ("RUS", "JPN", -0.3, 0.2),
    ("RUS", "AZE", -0.2, 0.3),
    ("BLR", "UKR", -0.5, 0.1), ("BLR", "POL", -0.4, 0.15), ("BLR", "LTU", -0.4, 0.15),
    ("UKR", "PRK", -0.5, 0.1), ("UKR", "IRN", -0.4, 0.15), ("HUN", "UKR", -0.2, 0.3),
    # --- Rivalries: Asia
    ("IND", "PAK", -0.6, 0.1), ("CHN", "IND", -0.3, 0.2), ("CHN", "TWN", -0.6, 0.1),
    ("CHN", "JPN", -0.3, 0.2), ("CHN", "PHL", -0.4, 0.2), ("CHN", "VNM", -0.1, 0.3),
    ("CHN", "AUS", -0.2, 0.3), ("CHN", "KOR", -0.1, 0.3), ("CHN", "LTU", -0.3, 0.2),
    ("KOR", "PRK", -0.7, 0.1), ("JPN", "PRK", -0.6, 0.1), ("AFG", "PAK", -0.4, 0.15),
    ("THA", "KHM", -0.4, 0.15), ("BGD", "MMR", -0.2, 0.3),
    # --- Rivalries: the Middle East and the Caucasus
    ("ISR", "IRN", -0.8, 0.05), ("IRN", "SAU", -0.4, 0.2), ("ISR", "SYR", -0.6, 0.1),
    ("ISR", "LBN", -0.6, 0.1), ("ISR", "TUR", -0.5, 0.15), ("ISR", "ZAF", -0.4, 0.2),
    ("IRN", "GBR", -0.4, 0.15), ("IRN", "BHR", -0.4, 0.15), ("IRN", "AZE", -0.2, 0.3),
    # Armenia and Azerbaijan initialled a peace agreement in Washington on 8 Aug 2025: still
    # hostile, less than before.
    ("ARM", "AZE", -0.3, 0.2), ("ARM", "TUR", -0.3, 0.2), ("GRC", "TUR", -0.2, 0.3),
    ("CYP", "TUR", -0.4, 0.15),
    # --- Rivalries: Europe, Africa and the Americas
    ("SRB", "XKX", -0.5, 0.1),
    ("ERI", "ETH", -0.5, 0.1), ("SDN", "SSD", -0.4, 0.2), ("MAR", "DZA", -0.5, 0.1),
    ("RWA", "COD", -0.5, 0.1), ("BDI", "RWA", -0.3, 0.2), ("EGY", "ETH", -0.3, 0.2),
    ("ARE", "SDN", -0.4, 0.15), ("DZA", "MLI", -0.4, 0.2), ("DZA", "FRA", -0.2, 0.3),
    ("FRA", "MLI", -0.4, 0.15), ("FRA", "BFA", -0.4, 0.15), ("FRA", "NER", -0.4, 0.15),
    ("VEN", "GUY", -0.4, 0.15), ("CHL", "BOL", -0.2, 0.3),
    # --- Partnerships: the United States
    ("USA", "GBR", 0.8, 0.9), ("USA", "CAN", 0.8, 0.8), ("USA", "AUS", 0.8, 0.9),
    ("USA", "JPN", 0.8, 0.8), ("USA", "KOR", 0.7, 0.7), ("USA", "ISR", 0.7, 0.7),
    ("USA", "DEU", 0.6, 0.6), ("USA", "FRA", 0.6, 0.6), ("USA", "POL", 0.7, 0.7),
    ("USA", "PHL", 0.6, 0.6), ("USA", "TWN", 0.5, 0.5), ("USA", "UKR", 0.5, 0.5),
    ("USA", "SAU", 0.4, 0.4), ("USA", "IND", 0.4, 0.5), ("USA", "DNK", 0.3, 0.4),
    ("USA", "MEX", 0.3, 0.4), ("USA", "ARE", 0.5, 0.5), ("USA", "QAT", 0.5, 0.5),
    ("USA", "EGY", 0.4, 0.4), ("USA", "TUR", 0.3, 0.3), ("USA", "VNM", 0.3, 0.4),
    ("USA", "IDN", 0.3, 0.5), ("USA", "PAK", 0.1, 0.3), ("USA", "BRA", 0.1, 0.4),
    # --- Partnerships: Russia and China
    ("RUS", "CHN", 0.6, 0.5), ("RUS", "BLR", 0.8, 0.7), ("RUS", "PRK", 0.5, 0.4),
    ("RUS", "IRN", 0.5, 0.4), ("RUS", "SYR", 0.3, 0.3), ("IND", "RUS", 0.4, 0.5),
    ("RUS", "KAZ", 0.4, 0.5), ("RUS", "CUB", 0.4, 0.4), ("RUS", "VEN", 0.4, 0.4),
    ("RUS", "MLI", 0.4, 0.4), ("RUS", "CAF", 0.4, 0.4), ("RUS", "SRB", 0.3, 0.4),
    ("RUS", "TUR", 0.1, 0.3), ("RUS", "DZA", 0.3, 0.4), ("RUS", "MMR", 0.4, 0.4),
    ("ARM", "RUS", 0.0, 0.3), ("ARM", "BLR", 0.0, 0.3), ("KGZ", "TJK", 0.2, 0.3),
    ("CHN", "PAK", 0.7, 0.6), ("CHN", "PRK", 0.5, 0.5), ("CHN", "KHM", 0.6, 0.5),
    ("CHN", "LAO", 0.5, 0.5), ("CHN", "MMR", 0.4, 0.4), ("CHN", "IRN", 0.4, 0.4),
    ("CHN", "BRA", 0.4, 0.5),
    # --- Partnerships: Europe
    ("FRA", "DEU", 0.8, 0.8), ("DEU", "POL", 0.5, 0.5), ("GBR", "FRA", 0.6, 0.7),
    ("GBR", "DEU", 0.6, 0.7), ("GBR", "UKR", 0.6, 0.6), ("DEU", "UKR", 0.5, 0.5),
    ("FRA", "UKR", 0.5, 0.5), ("POL", "UKR", 0.5, 0.5), ("MDA", "UKR", 0.5, 0.5),
    ("MDA", "ROU", 0.7, 0.7), ("GRC", "CYP", 0.8, 0.8),
    # --- Partnerships: Asia and the Pacific
    ("KOR", "JPN", 0.3, 0.4), ("JPN", "AUS", 0.6, 0.6), ("JPN", "PHL", 0.5, 0.5),
    ("IND", "JPN", 0.5, 0.6), ("JPN", "TWN", 0.4, 0.5), ("AUS", "GBR", 0.7, 0.8),
    ("AUS", "NZL", 0.8, 0.9), ("CAN", "GBR", 0.7, 0.8), ("GBR", "NZL", 0.6, 0.7),
    ("AUS", "IDN", 0.4, 0.5), ("AUS", "PNG", 0.6, 0.6),
    ("IND", "FRA", 0.5, 0.6), ("IND", "ISR", 0.4, 0.5), ("IND", "BTN", 0.6, 0.6),
    ("IND", "ARE", 0.5, 0.5), ("IND", "SAU", 0.4, 0.5), ("BGD", "IND", 0.0, 0.3),
    ("PAK", "SAU", 0.7, 0.6), ("PAK", "TUR", 0.6, 0.6), ("PAK", "IRN", 0.1, 0.3),
    # --- Partnerships: the Middle East
    ("SAU", "ARE", 0.7, 0.6), ("EGY", "SAU", 0.5, 0.5), ("TUR", "AZE", 0.7, 0.7),
    ("TUR", "QAT", 0.6, 0.6), ("IRQ", "IRN", 0.4, 0.4), ("IRN", "SYR", 0.3, 0.3),
    ("ISR", "JOR", 0.1, 0.3), ("EGY", "ISR", 0.1, 0.3), ("ISR", "ARE", 0.3, 0.4),
    ("AZE", "ISR", 0.5, 0.5), ("ARM", "IRN", 0.3, 0.4), ("EGY", "SDN", 0.4, 0.4),
    # --- Partnerships: the Americas
    ("VEN", "CUB", 0.6, 0.6),
]

# ---------------------------------------------------------------------------------------------
# Syria. The values above (ideology -0.7, democracy 0.05, friendly with Russia and Iran, hostile
# to Israel) describe Syria under Assad. Assad fell on 8 Dec 2024; the transitional government
# has turned to Turkey, the Gulf and the United States and away from Iran. The scenario starts in
# 2026, so SYRIA_AFTER_ASSAD is on: these values replace the listed ones.
# ---------------------------------------------------------------------------------------------
SYRIA_AFTER_ASSAD = True
SYRIA_AFTER_ASSAD_NATION = dict(ideology=-0.1, democracy=0.15)
SYRIA_AFTER_ASSAD_RELATIONS = [
    ("RUS", "SYR", 0.0, 0.3), ("IRN", "SYR", -0.5, 0.1), ("ISR", "SYR", -0.5, 0.15),
    ("TUR", "SYR", 0.6, 0.5), ("SAU", "SYR", 0.5, 0.4), ("SYR", "USA", 0.2, 0.3),
]

# ---------------------------------------------------------------------------------------------
# Layout: sunflower spiral inside each region's cluster.
# ---------------------------------------------------------------------------------------------
GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))
SPIRAL_C = 31.0          # r_i = C * sqrt(i + 0.5): about 55-60 units between neighbours
CLUSTER_K = 45.0         # cluster radius = 45 * sqrt(members)
CLUSTER_GAP = 25.0       # clear space between two clusters

# ---------------------------------------------------------------------------------------------
# Meta, header and exercise texts.
# ---------------------------------------------------------------------------------------------
TITLE = "The world today"
HEADER = [
    "// Entente scenario, format version 1: see docs/FORMAT.md.",
    "// The world today, early 2026: every state of the Correlates of War system in the 22 regions of",
    "// the UN geoscheme, with the alliances and security treaties in force. Capability and economy",
    "// come from COW NMC v6.0 (2016); everything else is a teaching approximation.",
    "// Generated by docs/world-today/build_world.py: edit the tables there and run it again.",
]
DESCRIPTION = (
    "The world in early 2026: the 195 states of the Correlates of War state system (the 193 UN "
    "members plus Kosovo and Taiwan, included as in the COW state system; the Holy See and "
    "Palestine, UN observers, are left out because NMC has no figures for them) in the 22 regions "
    "of the UN geoscheme (M49), with the alliances and security treaties in force. "
    "Capability is 40 × CINC (COW NMC v6.0, 2016); economy is each state's share of world primary "
    "energy consumption (NMC pec, 2016) × 100, a proxy for economic size. "
    "Everything else (defence burden, democracy, alignment, fragility and relations) is taken "
    "from the sources listed as teaching approximations. A crisis placed in one region shows who "
    "is drawn in: through alliances, proximity and rivalries."
)
SOURCES_AFTER_NMC = [
    "Correlates of War Project, National Material Capabilities v6.0 (2021), year 2016: capability "
    "is 40 × CINC (COW NMC v6.0, 2016); economy is each state's share of world primary energy "
    "consumption (NMC pec, 2016) × 100, a proxy for economic size",
    "Correlates of War Project, State System Membership v2016 (Kosovo and Taiwan as COW states)",
    "United Nations Statistics Division, Standard Country or Area Codes for Statistical Use (M49): "
    "the UN geoscheme regions",
    "SIPRI Military Expenditure Database (military expenditure as a share of GDP, recent years; "
    "approximate, estimates where SIPRI has no figure)",
    "Economist Intelligence Unit, Democracy Index 2024 (regime categories)",
    "Freedom House, Freedom in the World 2025 (status of states the EIU index omits)",
    "Bailey, Michael A., Anton Strezhnev, and Erik Voeten (2017). Estimating Dynamic State "
    "Preferences from United Nations Voting Data. Journal of Conflict Resolution 61(2): 430-456",
    "Fund for Peace, Fragile States Index 2016-2024",
    "UCDP/PRIO Armed Conflict Dataset (Gleditsch et al. 2002, Journal of Peace Research 39(5): "
    "615-637; recent versions)",
    "ATOP 5.1: Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long "
    "(2002). Alliance Treaty Obligations and Provisions, 1815-1944. International Interactions "
    "28: 237-260",
    "North Atlantic Treaty (Washington, 4 Apr 1949); accessions of Finland (4 Apr 2023) and Sweden "
    "(7 Mar 2024)",
    "Collective Security Treaty (Tashkent, 15 May 1992) and Charter of the Collective Security Treaty "
    "Organization (Chisinau, 7 Oct 2002); Armenia froze its participation in 2024",
    "Security Treaty between Australia, New Zealand and the United States (ANZUS, San Francisco, "
    "1 Sep 1951); US obligations to New Zealand suspended since 1986",
    "Treaty of Mutual Cooperation and Security between Japan and the United States (Washington, "
    "19 Jan 1960)",
    "Mutual Defense Treaty between the United States and the Republic of Korea (Washington, 1 Oct 1953)",
    "Mutual Defense Treaty between the Republic of the Philippines and the United States "
    "(Washington, 30 Aug 1951)",
    "Inter-American Treaty of Reciprocal Assistance (Rio Treaty, Rio de Janeiro, 2 Sep 1947); Mexico "
    "withdrew in 2004, Bolivia, Ecuador, Nicaragua and Venezuela in 2012-13",
    "Treaty on European Union, Article 42(7), mutual assistance clause (Treaty of Lisbon, in force "
    "1 Dec 2009)",
    "GCC Joint Defence Agreement (Manama, 31 Dec 2000)",
    "Sino-North Korean Mutual Aid and Cooperation Friendship Treaty (Beijing, 11 Jul 1961)",
    "Treaty on Comprehensive Strategic Partnership between the Russian Federation and the DPRK "
    "(Pyongyang, 19 Jun 2024; Article 4 mutual assistance)",
    "Strategic Mutual Defence Agreement between Saudi Arabia and Pakistan (Riyadh, 17 Sep 2025)",
    "Treaty of Joint Defence and Economic Co-operation between the States of the Arab League "
    "(Cairo, 17 Jun 1950); dormant",
    "Liptako-Gourma Charter establishing the Alliance of Sahel States (Bamako, 16 Sep 2023)",
    "Shusha Declaration on Allied Relations between Azerbaijan and Turkey (Shusha, 15 Jun 2021)",
    "Five Power Defence Arrangements (Australia, Malaysia, New Zealand, Singapore, United Kingdom; "
    "in force 1 Nov 1971)",
    "UKUSA Agreement (5 Mar 1946), the Five Eyes",
    "Japan-ROK General Security of Military Information Agreement (23 Nov 2016)",
    "AUKUS joint leaders statement (15 Sep 2021)",
    "US-Israel Memorandum of Understanding on security assistance (14 Sep 2016, FY2019-2028)",
    "Taiwan Relations Act, Public Law 96-8 (10 Apr 1979)",
    "India-Russia Programme for Military-Technical Cooperation 2021-2031 (New Delhi, 6 Dec 2021)",
    "China-Pakistan Treaty of Friendship, Cooperation and Good-Neighbourly Relations (Islamabad, "
    "5 Apr 2005); SIPRI Arms Transfers Database",
    "US-Saudi Arabia arms sales agreements (Riyadh, 20 May 2017 and 13 May 2025)",
    "Quadrilateral Security Dialogue, leaders' joint statement 'The Spirit of the Quad' (12 Mar 2021)",
    "Charter of the Shanghai Cooperation Organisation (St Petersburg, 7 Jun 2002)",
    "Treaty of Good-Neighbourliness and Friendly Cooperation between Russia and China (Moscow, "
    "16 Jul 2001)",
    "ASEAN Defence Ministers' Meeting-Plus (established Hanoi, 12 Oct 2010)",
    "OSCE Vienna Document 2011 on Confidence- and Security-Building Measures (30 Nov 2011); "
    "Helsinki Final Act (1 Aug 1975)",
    "United Nations Department of Peace Operations, list of current peacekeeping operations",
    "MONUSCO: UN Security Council Resolution 1925 (28 May 2010)",
    "UNMISS: UN Security Council Resolution 1996 (8 Jul 2011)",
    "MINUSCA: UN Security Council Resolution 2149 (10 Apr 2014)",
    "UNIFIL: UN Security Council Resolutions 425 (19 Mar 1978) and 1701 (11 Aug 2006)",
    "UNFICYP: UN Security Council Resolution 186 (4 Mar 1964)",
    "UNMIK: UN Security Council Resolution 1244 (10 Jun 1999)",
]

EXERCISE = dict(
    briefing=(
        "# A crisis in one region: who is drawn in?\n"
        "The world of early 2026: 195 states in 22 regions, tied together by alliances, treaties, "
        "rivalries and distance. A crisis rarely stays where it starts.\n\n"
        "You are *the crisis team* of the United States, the United Kingdom, France and Germany.\n"
        "- Pick one region and one state in trouble there.\n"
        "- Place one intervention or one treaty.\n"
        "- Run the world and watch which regions move, and ask why: alliances, proximity, rivalries.\n"
        "- Then compare a crisis inside an alliance's area (the Baltic: *Estonia*) with one outside "
        "any (the Horn of Africa: *Somalia*)."
    ),
    objectives=[
        "See how alliances carry a crisis from one region to others",
        "See how proximity and rivalries decide who is drawn in",
        "Compare a crisis inside NATO's area with one outside any alliance",
    ],
    roles=[("Crisis team", ["USA", "GBR", "FRA", "DEU"])],
    teacher_notes=(
        "Without any action every goal is met: the world stands still. As a crisis to start from, "
        "place a Russian preventive strike on Estonia (no mandate): Eastern Europe falls from 0.62 "
        "to about 0.59, close to goal 1, because NATO's members there (Poland, Romania, Czechia) "
        "are drawn in, while every region outside Europe stays within 0.001. A peacekeeping mission "
        "in Somalia with a Security Council mandate barely moves Eastern Africa. Run the world once "
        "without any action and keep it as the baseline (Ctrl+B); then let each group place one intervention or treaty and compare its "
        "run with the baseline region by region. What the file sets up: Estonia is in Northern "
        "Europe, a NATO member and covered by the EU clause, with Russia as a hostile neighbour, so "
        "a crisis there touches an alliance that spans Northern America and all of Europe. Somalia "
        "is in Eastern Africa and in no defence alliance (only the dormant Arab League treaty, "
        "without collective defence); its region's listed neighbours are Northern, Middle and "
        "Southern Africa and Western Asia, so what spreads from it can travel only by proximity "
        "and through whoever intervenes. Ask the students to find, in the explanation of a region "
        "that moved, which term moved it: an alliance, a neighbour's instability, or a rival's "
        "reaction. The numbers are teaching approximations; discuss what the model leaves out "
        "(trade, migration, the media)."
    ),
    debrief=[
        "Which regions moved after your action, and which link (alliance, proximity or rivalry) "
        "carried the crisis to each?",
        "How did a crisis in Estonia, inside NATO's area, differ from one in Somalia, outside any "
        "alliance?",
        "Did an alliance make the crisis smaller by deterring, or larger by drawing more states in?",
    ],
    # (text, test) in the format's words; thresholds just past the goals' at-risk margin (0.03)
    # below each region's level at rest.
    goals=[
        ("Eastern Europe's stability at least 0.58 throughout",
         'Value(of: Region("eastern-europe"), compare: Above, value: 0.58, when: Through(0, 80))'),
        ("Northern Europe's stability at least 0.75 throughout",
         'Value(of: Region("northern-europe"), compare: Above, value: 0.75, when: Through(0, 80))'),
        ("Eastern Africa's stability at least 0.40 throughout",
         'Value(of: Region("eastern-africa"), compare: Above, value: 0.4, when: Through(0, 80))'),
        ("Act only with a Security Council mandate", "NoUnmandatedIntervention"),
        ("At most two interventions", "MaxInterventions(2)"),
    ],
    budget=3,
)


# =============================================================================================
# Helpers
# =============================================================================================
def fnum(x):
    """A float as RON wants it: always with a decimal point, no exponent, no negative zero."""
    x = float(x)
    assert math.isfinite(x)
    if x == 0:
        return "0.0"
    s = f"{x:.6f}".rstrip("0")
    if s.endswith("."):
        s += "0"
    return s


def rstr(s):
    """A RON string literal."""
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    assert all(ord(c) >= 0x20 for c in out), s
    return '"' + out + '"'


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def read_nmc(path):
    """Rows of the NMC CSV and the citation from its header comments."""
    header_lines, data_lines = [], []
    with open(path, newline="", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                header_lines.append(line[1:].strip())
            elif line.strip():
                data_lines.append(line)
    text = " ".join(header_lines)
    start = text.index("Citation:") + len("Citation:")
    end = text.index("Data set:")
    citation = text[start:end].strip()
    assert citation.startswith("Singer, J. David"), citation
    rows = list(csv.DictReader(data_lines))

    def val(r, k):
        v = float(r[k])
        return None if v == -9 else v  # -9 is missing in every column

    out = []
    for r in rows:
        out.append(dict(stateabb=r["stateabb"].strip(), year=int(r["year"]),
                        cinc=val(r, "cinc"), pec=val(r, "pec")))
    return citation, out


def pairs(members):
    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            yield members[i], members[j]


def key(a, b):
    return (a, b) if a < b else (b, a)


# =============================================================================================
# Build
# =============================================================================================
def build(csv_path):
    citation, rows = read_nmc(csv_path)
    region_ids = [r[0] for r in REGIONS]
    region_names = {r[0]: r[1] for r in REGIONS}

    # --- The mapping: every CSV state, exactly once; ISO ids unique.
    cow = [r["stateabb"] for r in rows]
    assert len(cow) == len(set(cow)) == 195, len(cow)
    assert all(r["year"] == 2016 for r in rows)
    missing = sorted(set(cow) - set(COW_TO_ISO))
    extra = sorted(set(COW_TO_ISO) - set(cow))
    assert not missing, f"COW states without a mapping: {missing}"
    assert not extra, f"mapped states not in the CSV: {extra}"
    isos = [v[0] for v in COW_TO_ISO.values()]
    assert len(isos) == len(set(isos)), "duplicate ISO id"
    for iso, _, reg in COW_TO_ISO.values():
        assert reg in region_ids, (iso, reg)
        assert len(iso) == 3 and iso.isupper(), iso
    ids = set(isos)

    # --- Economy and capability from NMC.
    pec_total = sum(r["pec"] for r in rows if r["pec"] is not None)
    nations = []
    for r in rows:
        iso, name, reg = COW_TO_ISO[r["stateabb"]]
        cap = 0.005 if r["cinc"] is None else max(0.005, round(40.0 * r["cinc"], 4))
        eco = 0.005 if r["pec"] is None else max(0.005, round(100.0 * r["pec"] / pec_total, 4))
        nations.append(dict(id=iso, name=name, region=reg, economy=eco, capability=cap))
    by_id = {n["id"]: n for n in nations}

    # --- Defence share.
    for k in DEFENCE_SHARE:
        assert k in ids, k
    for n in nations:
        n["defence_share"] = clamp(DEFENCE_SHARE.get(n["id"], DEFAULT_DEFENCE_SHARE), 0.0, 0.3)

    # --- Democracy: every state in exactly one category.
    dem = {}
    for cat, s in DEMOCRACY.items():
        for i in s.split():
            assert i in ids, (cat, i)
            assert i not in dem, f"{i} in two democracy categories"
            dem[i] = DEMOCRACY_LEVEL[cat]
    assert set(dem) == ids, sorted(ids - set(dem))
    for n in nations:
        n["democracy"] = dem[n["id"]]

    # --- Ideology.
    for k in IDEOLOGY_OVERRIDE:
        assert k in ids, k
    for n in nations:
        base = clamp(round(1.1 * n["democracy"] - 0.5, 2), -1.0, 1.0) + 0.0  # no -0.0
        n["ideology"] = IDEOLOGY_OVERRIDE.get(n["id"], base)

    # --- Fragility: every state in exactly one group, then adjustments.
    grp = {}
    for g, s in FRAGILITY.items():
        for i in s.split():
            assert i in ids, (g, i)
            assert i not in grp, f"{i} in two fragility groups"
            grp[i] = g
    assert set(grp) == ids, sorted(ids - set(grp))
    fields = ("stability", "legitimacy", "capacity", "armed_groups", "grievance")
    for n in nations:
        n.update(zip(fields, FRAGILITY_LEVELS[grp[n["id"]]]))
        for k, v in FRAGILITY_ADJUST.get(n["id"], {}).items():
            assert k in fields, k
            n[k] = v
    for k in FRAGILITY_ADJUST:
        assert k in ids, k
    if SYRIA_AFTER_ASSAD:
        by_id["SYR"].update(SYRIA_AFTER_ASSAD_NATION)

    # --- Ranges (docs/FORMAT.md). Stability, legitimacy, capacity and grievance stay strictly
    #     inside (0, 1); armed_groups may be 0 (the "very stable" level has none).
    for n in nations:
        assert 0.001 <= n["economy"] <= 1e6, n
        assert 0.0 <= n["capability"] <= 1e6, n
        assert 0.0 <= n["defence_share"] <= 0.3, n
        for k in fields:
            assert 0.0 <= n[k] <= 1.0, (n["id"], k)
        for k in ("stability", "legitimacy", "capacity", "grievance"):
            assert 0.0 < n[k] < 1.0, (n["id"], k)
        assert -1.0 <= n["ideology"] <= 1.0, n
        assert 0.0 <= n["democracy"] <= 1.0, n

    # --- Order: by region (in the regions' order), then by descending capability, then id.
    rorder = {r: i for i, r in enumerate(region_ids)}
    nations.sort(key=lambda n: (rorder[n["region"]], -n["capability"], n["id"]))
    members_of = {r: [n["id"] for n in nations if n["region"] == r] for r in region_ids}
    for r in region_ids:
        assert members_of[r], f"region {r} has no nations"

    # --- Proximity.
    prox = {}
    for a, b, v in PROXIMITY:
        assert a in region_ids and b in region_ids and a != b, (a, b)
        assert 0.0 <= v <= 1.0
        k = key(a, b)
        assert k not in prox, f"proximity {k} listed twice"
        prox[k] = v
    proximity = sorted((a, b, v) for (a, b), v in prox.items())

    # --- Alliances.
    alliances = []
    seen = set()
    for aid, name, members, cd in ALLIANCES:
        assert aid not in seen, aid
        seen.add(aid)
        assert len(members) >= 2 and len(set(members)) == len(members), aid
        for m in members:
            assert m in ids, (aid, m)
        alliances.append(dict(id=aid, name=name, members=list(members), collective_defence=cd))
    assert len([a for a in alliances if a["id"] == "nato"][0]["members"]) == 32
    assert len([a for a in alliances if a["id"] == "eu-mutual-assistance"][0]["members"]) == 27
    assert len([a for a in alliances if a["id"] == "rio-treaty"][0]["members"]) == 17
    alliance_by_id = {a["id"]: a for a in alliances}
    for aid in SMALL_ALLIANCES:
        assert aid in alliance_by_id, aid

    # --- Treaties.
    european = [i for r in ("eastern-europe", "northern-europe", "southern-europe",
                            "western-europe") for i in members_of[r] if i != "XKX"]
    osce = european + ["CYP", "TUR", "ARM", "AZE", "GEO", "USA", "CAN"] + \
        members_of["central-asia"] + ["MNG"]
    assert len(osce) == len(set(osce)) == 56, len(osce)  # the 57 participating states less the Holy See
    treaties = []
    seen = set()
    for tid, name, kind, parties, strength in TREATIES:
        if parties == "OSCE":
            parties = osce
        assert tid not in seen, tid
        seen.add(tid)
        assert kind in ("MutualDefence", "NonAggression", "IntelligenceSharing", "JointExercises",
                        "ArmsTrade", "ConfidenceBuilding", "PeacekeepingMandate"), kind
        assert 0.0 < strength <= 1.0, tid
        assert len(set(parties)) == len(parties), tid
        for p in parties:
            assert p in ids, (tid, p)
        if kind == "ArmsTrade":
            assert len(parties) == 2, tid
        elif kind == "PeacekeepingMandate":
            assert len(parties) == 1, tid
        else:
            assert len(parties) >= 2, tid
        treaties.append(dict(id=tid, name=name, kind=kind, parties=list(parties), strength=strength))

    # --- Relations: explicit pairs, then mild ones inside the small alliances.
    rel = {}
    for a, b, r, t in RELATIONS:
        assert a in ids and b in ids and a != b, (a, b)
        k = key(a, b)
        assert k not in rel, f"relation {k} listed twice"
        assert -1.0 <= r <= 1.0, (a, b)
        assert 0.0 < t < 1.0 and 0.02 <= t <= 0.9, (a, b)  # RUS-UKR 0.02, else 0.05-0.9
        rel[k] = (r, t)
    if SYRIA_AFTER_ASSAD:
        for a, b, r, t in SYRIA_AFTER_ASSAD_RELATIONS:
            assert a in ids and b in ids and a != b and -1.0 <= r <= 1.0 and 0.0 < t < 1.0
            rel[key(a, b)] = (r, t)
    explicit = len(rel)
    for aid in SMALL_ALLIANCES:
        for a, b in pairs(alliance_by_id[aid]["members"]):
            k = key(a, b)
            if k in rel:
                continue
            r, t = MILD_RELATION, MILD_TRUST
            if a in MILD_OVERRIDE or b in MILD_OVERRIDE:
                r, t = MILD_OVERRIDE.get(a) or MILD_OVERRIDE.get(b)
            assert 0.3 <= r <= 0.5
            rel[k] = (r, t)
    relations = [(a, b, r, t) for (a, b), (r, t) in sorted(rel.items())]

    # --- Layout.
    positions = layout(nations, members_of)
    assert set(positions) == ids

    return dict(citation=citation, nations=nations, proximity=proximity, relations=relations,
                explicit_relations=explicit, alliances=alliances, treaties=treaties,
                positions=positions, region_ids=region_ids, region_names=region_names,
                members_of=members_of)


def layout(nations, members_of):
    """Cluster centres at map-like spots, pushed apart until no two clusters overlap; a sunflower
    spiral inside each cluster, ordered by capability (largest nearest the centre)."""
    anchor, radius, centre = {}, {}, {}
    for rid, _, (lon, lat) in REGIONS:
        anchor[rid] = (lon * 9.0, -lat * 11.0)
        radius[rid] = CLUSTER_K * math.sqrt(len(members_of[rid]))
        centre[rid] = list(anchor[rid])
    rids = [r[0] for r in REGIONS]

    def overlaps():
        out = []
        for i, a in enumerate(rids):
            for b in rids[i + 1:]:
                dx = centre[b][0] - centre[a][0]
                dy = centre[b][1] - centre[a][1]
                need = radius[a] + radius[b] + CLUSTER_GAP
                d = math.hypot(dx, dy)
                if d < need:
                    out.append((a, b, dx, dy, d, need))
        return out

    # Push overlapping clusters apart (a weak pull back to the map position for the first half
    # keeps the map recognisable), then separate until nothing overlaps.
    for it in range(4000):
        ov = overlaps()
        if not ov and it >= 2000:
            break
        for a, b, dx, dy, d, need in ov:
            if d < 1e-9:
                dx, dy, d = 1.0, 0.0, 1.0
            push = (need - d) / 2.0 + 0.01
            ux, uy = dx / d, dy / d
            centre[a][0] -= ux * push
            centre[a][1] -= uy * push
            centre[b][0] += ux * push
            centre[b][1] += uy * push
        if it < 2000:
            for r in rids:
                centre[r][0] += 0.02 * (anchor[r][0] - centre[r][0])
                centre[r][1] += 0.02 * (anchor[r][1] - centre[r][1])
    assert not overlaps(), overlaps()

    positions = {}
    for rid in rids:
        cx, cy = centre[rid]
        for i, nid in enumerate(members_of[rid]):  # already by descending capability
            rr = SPIRAL_C * math.sqrt(i + 0.5)
            th = i * GOLDEN_ANGLE
            positions[nid] = (round(cx + rr * math.cos(th), 1), round(cy + rr * math.sin(th), 1))
            assert rr < radius[rid]
    # No two nodes closer than 40 units anywhere.
    pts = list(positions.values())
    for i in range(len(pts)):
        for j in range(i + 1, len(pts)):
            assert math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]) >= 40.0
    return positions


# =============================================================================================
# Write
# =============================================================================================
def render(w):
    L = []
    ind = "    "
    L += HEADER
    L.append("(")
    L.append(f"{ind}format_version: 1,")
    L.append(f"{ind}meta: (")
    L.append(f"{ind*2}title: {rstr(TITLE)},")
    L.append(f"{ind*2}description: {rstr(DESCRIPTION)},")
    L.append(f"{ind*2}author: {rstr('Entente')},")
    L.append(f"{ind*2}start: (year: 2026, quarter: 1),")
    L.append(f"{ind*2}sources: [")
    for s in [w["citation"]] + SOURCES_AFTER_NMC:
        L.append(f"{ind*3}{rstr(s)},")
    L.append(f"{ind*2}],")
    L.append(f"{ind}),")
    L.append(f"{ind}seed: 2026,")
    L.append(f"{ind}horizon: 80,")
    L.append(f"{ind}settings: (calibrate_baseline: true, random_events: false, autonomous_states: false),")
    L.append(f"{ind}params: (),")
    L.append(f"{ind}regions: [")
    for rid in w["region_ids"]:
        L.append(f"{ind*2}(id: {rstr(rid)}, name: {rstr(w['region_names'][rid])}),")
    L.append(f"{ind}],")
    L.append(f"{ind}// Pairs of regions not listed are distant: proximity 0.2.")
    L.append(f"{ind}proximity: [")
    for a, b, v in w["proximity"]:
        L.append(f"{ind*2}({rstr(a)}, {rstr(b)}, {fnum(v)}),")
    L.append(f"{ind}],")
    L.append(f"{ind}nations: [")
    for n in w["nations"]:
        L.append(
            f"{ind*2}(id: {rstr(n['id'])}, name: {rstr(n['name'])}, region: {rstr(n['region'])}, "
            f"economy: {fnum(n['economy'])}, defence_share: {fnum(n['defence_share'])}, "
            f"capability: {fnum(n['capability'])}, stability: {fnum(n['stability'])}, "
            f"legitimacy: {fnum(n['legitimacy'])}, capacity: {fnum(n['capacity'])}, "
            f"armed_groups: {fnum(n['armed_groups'])}, grievance: {fnum(n['grievance'])}, "
            f"ideology: {fnum(n['ideology'])}, democracy: {fnum(n['democracy'])}),")
    L.append(f"{ind}],")
    L.append(f"{ind}// Pairs not listed start neutral: relation 0, trust 0.5.")
    L.append(f"{ind}relations: [")
    for a, b, r, t in w["relations"]:
        L.append(f"{ind*2}(a: {rstr(a)}, b: {rstr(b)}, relation: {fnum(r)}, trust: {fnum(t)}),")
    L.append(f"{ind}],")
    L.append(f"{ind}alliances: [")
    for a in w["alliances"]:
        mem = ", ".join(rstr(m) for m in a["members"])
        cd = "true" if a["collective_defence"] else "false"
        L.append(f"{ind*2}(id: {rstr(a['id'])}, name: {rstr(a['name'])}, members: [{mem}], "
                 f"collective_defence: {cd}),")
    L.append(f"{ind}],")
    L.append(f"{ind}treaties: [")
    for t in w["treaties"]:
        par = ", ".join(rstr(p) for p in t["parties"])
        extra = ", authority: Unsc" if t["kind"] == "PeacekeepingMandate" else ""
        L.append(f"{ind*2}(id: {rstr(t['id'])}, name: {rstr(t['name'])}, kind: {t['kind']}, "
                 f"parties: [{par}], strength: {fnum(t['strength'])}{extra}),")
    L.append(f"{ind}],")
    L.append(f"{ind}events: [],")
    L.append(f"{ind}layout: (")
    L.append(f"{ind*2}positions: {{")
    for n in w["nations"]:
        x, y = w["positions"][n["id"]]
        L.append(f"{ind*3}{rstr(n['id'])}: ({fnum(x)}, {fnum(y)}),")
    L.append(f"{ind*2}}},")
    L.append(f"{ind}),")
    e = EXERCISE
    L.append(f"{ind}exercise: (")
    L.append(f"{ind*2}briefing: {rstr(e['briefing'])},")
    L.append(f"{ind*2}objectives: [")
    for o in e["objectives"]:
        L.append(f"{ind*3}{rstr(o)},")
    L.append(f"{ind*2}],")
    roles = ", ".join(f"(name: {rstr(n)}, nations: [{', '.join(rstr(x) for x in ns)}])"
                      for n, ns in e["roles"])
    L.append(f"{ind*2}roles: [{roles}],")
    L.append(f"{ind*2}goals: [")
    for text, test in e["goals"]:
        L.append(f"{ind*3}(text: {rstr(text)}, test: {test}),")
    L.append(f"{ind*2}],")
    L.append(f"{ind*2}teacher_notes: {rstr(e['teacher_notes'])},")
    L.append(f"{ind*2}debrief: [")
    for d in e["debrief"]:
        L.append(f"{ind*3}{rstr(d)},")
    L.append(f"{ind*2}],")
    L.append(f"{ind*2}locks: (nations: [], relations: [], parameters: true, events: false),")
    L.append(f"{ind*2}budget: {e['budget']},")
    L.append(f"{ind}),")
    L.append(")")
    return "\n".join(L) + "\n"


def check_ids_in_output(w):
    """Every id referenced by relations, alliances, treaties, positions and roles exists."""
    ids = {n["id"] for n in w["nations"]}
    for a, b, r, t in w["relations"]:
        assert a in ids and b in ids and a < b
        assert -1.0 <= r <= 1.0 and 0.0 < t < 1.0
    assert len({(a, b) for a, b, _, _ in w["relations"]}) == len(w["relations"])
    for a in w["alliances"]:
        assert set(a["members"]) <= ids
    for t in w["treaties"]:
        assert set(t["parties"]) <= ids
    assert set(w["positions"]) == ids
    for _, ns in EXERCISE["roles"]:
        assert set(ns) <= ids
    for a, b, _ in w["proximity"]:
        assert a < b
    assert len({(a, b) for a, b, _ in w["proximity"]}) == len(w["proximity"])
    for s in [w["citation"]] + SOURCES_AFTER_NMC + [DESCRIPTION, EXERCISE["teacher_notes"]]:
        assert len(s) <= 10000


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", default=DEFAULT_CSV)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    w = build(args.csv)
    check_ids_in_output(w)
    text = render(w)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(args.out)}: {len(w['nations'])} nations, "
          f"{len(w['region_ids'])} regions, {len(w['proximity'])} proximity pairs, "
          f"{len(w['relations'])} relations ({w['explicit_relations']} listed, "
          f"{len(w['relations']) - w['explicit_relations']} within small alliances), "
          f"{len(w['alliances'])} alliances, {len(w['treaties'])} treaties")


if __name__ == "__main__":
    sys.exit(main())
