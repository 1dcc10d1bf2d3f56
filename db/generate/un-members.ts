/**
 * The 193 member states of the United Nations: ISO 3166-1 alpha-3, alpha-2 and numeric
 * codes, the English short name as the UN lists it, and the UN geoscheme continent. Used
 * only by the scale-data generator, to add the states that content/ does not hold yet.
 * Written from general knowledge, not checked against the ISO platform.
 */
import type { Region } from '../../src/domain/vocabulary';

export interface UnMember {
  iso3: string;
  iso2: string;
  isoNumeric: string;
  nameEn: string;
  region: Region;
}

const RAW = `
AFG AF 004 asia Afghanistan
ALB AL 008 europe Albania
DZA DZ 012 africa Algeria
AND AD 020 europe Andorra
AGO AO 024 africa Angola
ATG AG 028 americas Antigua and Barbuda
ARG AR 032 americas Argentina
ARM AM 051 asia Armenia
AUS AU 036 oceania Australia
AUT AT 040 europe Austria
AZE AZ 031 asia Azerbaijan
BHS BS 044 americas Bahamas
BHR BH 048 asia Bahrain
BGD BD 050 asia Bangladesh
BRB BB 052 americas Barbados
BLR BY 112 europe Belarus
BEL BE 056 europe Belgium
BLZ BZ 084 americas Belize
BEN BJ 204 africa Benin
BTN BT 064 asia Bhutan
BOL BO 068 americas Bolivia (Plurinational State of)
BIH BA 070 europe Bosnia and Herzegovina
BWA BW 072 africa Botswana
BRA BR 076 americas Brazil
BRN BN 096 asia Brunei Darussalam
BGR BG 100 europe Bulgaria
BFA BF 854 africa Burkina Faso
BDI BI 108 africa Burundi
CPV CV 132 africa Cabo Verde
KHM KH 116 asia Cambodia
CMR CM 120 africa Cameroon
CAN CA 124 americas Canada
CAF CF 140 africa Central African Republic
TCD TD 148 africa Chad
CHL CL 152 americas Chile
CHN CN 156 asia China
COL CO 170 americas Colombia
COM KM 174 africa Comoros
COG CG 178 africa Congo
CRI CR 188 americas Costa Rica
CIV CI 384 africa Côte d'Ivoire
HRV HR 191 europe Croatia
CUB CU 192 americas Cuba
CYP CY 196 asia Cyprus
CZE CZ 203 europe Czechia
PRK KP 408 asia Democratic People's Republic of Korea
COD CD 180 africa Democratic Republic of the Congo
DNK DK 208 europe Denmark
DJI DJ 262 africa Djibouti
DMA DM 212 americas Dominica
DOM DO 214 americas Dominican Republic
ECU EC 218 americas Ecuador
EGY EG 818 africa Egypt
SLV SV 222 americas El Salvador
GNQ GQ 226 africa Equatorial Guinea
ERI ER 232 africa Eritrea
EST EE 233 europe Estonia
SWZ SZ 748 africa Eswatini
ETH ET 231 africa Ethiopia
FJI FJ 242 oceania Fiji
FIN FI 246 europe Finland
FRA FR 250 europe France
GAB GA 266 africa Gabon
GMB GM 270 africa Gambia
GEO GE 268 asia Georgia
DEU DE 276 europe Germany
GHA GH 288 africa Ghana
GRC GR 300 europe Greece
GRD GD 308 americas Grenada
GTM GT 320 americas Guatemala
GIN GN 324 africa Guinea
GNB GW 624 africa Guinea-Bissau
GUY GY 328 americas Guyana
HTI HT 332 americas Haiti
HND HN 340 americas Honduras
HUN HU 348 europe Hungary
ISL IS 352 europe Iceland
IND IN 356 asia India
IDN ID 360 asia Indonesia
IRN IR 364 asia Iran (Islamic Republic of)
IRQ IQ 368 asia Iraq
IRL IE 372 europe Ireland
ISR IL 376 asia Israel
ITA IT 380 europe Italy
JAM JM 388 americas Jamaica
JPN JP 392 asia Japan
JOR JO 400 asia Jordan
KAZ KZ 398 asia Kazakhstan
KEN KE 404 africa Kenya
KIR KI 296 oceania Kiribati
KWT KW 414 asia Kuwait
KGZ KG 417 asia Kyrgyzstan
LAO LA 418 asia Lao People's Democratic Republic
LVA LV 428 europe Latvia
LBN LB 422 asia Lebanon
LSO LS 426 africa Lesotho
LBR LR 430 africa Liberia
LBY LY 434 africa Libya
LIE LI 438 europe Liechtenstein
LTU LT 440 europe Lithuania
LUX LU 442 europe Luxembourg
MDG MG 450 africa Madagascar
MWI MW 454 africa Malawi
MYS MY 458 asia Malaysia
MDV MV 462 asia Maldives
MLI ML 466 africa Mali
MLT MT 470 europe Malta
MHL MH 584 oceania Marshall Islands
MRT MR 478 africa Mauritania
MUS MU 480 africa Mauritius
MEX MX 484 americas Mexico
FSM FM 583 oceania Micronesia (Federated States of)
MCO MC 492 europe Monaco
MNG MN 496 asia Mongolia
MNE ME 499 europe Montenegro
MAR MA 504 africa Morocco
MOZ MZ 508 africa Mozambique
MMR MM 104 asia Myanmar
NAM NA 516 africa Namibia
NRU NR 520 oceania Nauru
NPL NP 524 asia Nepal
NLD NL 528 europe Netherlands (Kingdom of the)
NZL NZ 554 oceania New Zealand
NIC NI 558 americas Nicaragua
NER NE 562 africa Niger
NGA NG 566 africa Nigeria
MKD MK 807 europe North Macedonia
NOR NO 578 europe Norway
OMN OM 512 asia Oman
PAK PK 586 asia Pakistan
PLW PW 585 oceania Palau
PAN PA 591 americas Panama
PNG PG 598 oceania Papua New Guinea
PRY PY 600 americas Paraguay
PER PE 604 americas Peru
PHL PH 608 asia Philippines
POL PL 616 europe Poland
PRT PT 620 europe Portugal
QAT QA 634 asia Qatar
KOR KR 410 asia Republic of Korea
MDA MD 498 europe Republic of Moldova
ROU RO 642 europe Romania
RUS RU 643 europe Russian Federation
RWA RW 646 africa Rwanda
KNA KN 659 americas Saint Kitts and Nevis
LCA LC 662 americas Saint Lucia
VCT VC 670 americas Saint Vincent and the Grenadines
WSM WS 882 oceania Samoa
SMR SM 674 europe San Marino
STP ST 678 africa Sao Tome and Principe
SAU SA 682 asia Saudi Arabia
SEN SN 686 africa Senegal
SRB RS 688 europe Serbia
SYC SC 690 africa Seychelles
SLE SL 694 africa Sierra Leone
SGP SG 702 asia Singapore
SVK SK 703 europe Slovakia
SVN SI 705 europe Slovenia
SLB SB 090 oceania Solomon Islands
SOM SO 706 africa Somalia
ZAF ZA 710 africa South Africa
SSD SS 728 africa South Sudan
ESP ES 724 europe Spain
LKA LK 144 asia Sri Lanka
SDN SD 729 africa Sudan
SUR SR 740 americas Suriname
SWE SE 752 europe Sweden
CHE CH 756 europe Switzerland
SYR SY 760 asia Syrian Arab Republic
TJK TJ 762 asia Tajikistan
THA TH 764 asia Thailand
TLS TL 626 asia Timor-Leste
TGO TG 768 africa Togo
TON TO 776 oceania Tonga
TTO TT 780 americas Trinidad and Tobago
TUN TN 788 africa Tunisia
TUR TR 792 asia Türkiye
TKM TM 795 asia Turkmenistan
TUV TV 798 oceania Tuvalu
UGA UG 800 africa Uganda
UKR UA 804 europe Ukraine
ARE AE 784 asia United Arab Emirates
GBR GB 826 europe United Kingdom of Great Britain and Northern Ireland
TZA TZ 834 africa United Republic of Tanzania
USA US 840 americas United States of America
URY UY 858 americas Uruguay
UZB UZ 860 asia Uzbekistan
VUT VU 548 oceania Vanuatu
VEN VE 862 americas Venezuela (Bolivarian Republic of)
VNM VN 704 asia Viet Nam
YEM YE 887 asia Yemen
ZMB ZM 894 africa Zambia
ZWE ZW 716 africa Zimbabwe
`;

/** The 193 UN member states, in the UN's alphabetical order. */
export const UN_MEMBERS: readonly UnMember[] = RAW.trim()
  .split('\n')
  .map((line) => {
    const [iso3, iso2, isoNumeric, region, ...name] = line.trim().split(' ');
    return { iso3: iso3!, iso2: iso2!, isoNumeric: isoNumeric!, region: region as Region, nameEn: name.join(' ') };
  });
