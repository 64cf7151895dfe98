"""What a section's title says it holds: questions (a FAQ, a Q&A), answers to exercises, terms
defined (a glossary), known problems and their fixes."""

import re

# A chapter of a solution manual, its entries the exercises it solves: "2 Solutions",
# "Solutions to the exercises", "Answers".
SOLUTIONS_TITLE = re.compile(
    r"^\W*(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?(?:solutions?(?:\s+to\s+(?:the\s+)?exercises)?|answers)\W*$",
    re.I,
)
# A heading that names a collection of questions: "FAQ", "General Questions", "Q&A".
FAQ_TITLE = re.compile(
    r"\b(?:FAQs?|Q\s*&\s*A|Q\s*and\s*A|(?-i:QA)|questions|question\s*(?:&|and)\s*answer"
    r"|frequently asked)\b|常见问题|问答",
    re.I,
)
# A section that defines terms: "Glossary", "Terminology", "Key terms", "Definitions".
GLOSSARY_TITLE = re.compile(
    r"\b(?:glossary|terminology|key (?:terms|concepts)|definitions|vocabulary)\b|术语|用語", re.I
)
# A section that lists known problems and their fixes ("Common mistakes" lists mistakes, no fixes).
TROUBLE_TITLE = re.compile(
    r"\b(?:troubleshooting|common (?:issues|problems|errors)|known issues)\b",
    re.I,
)
# A page of term headings, each defined under it: "Glossary" (not "Key concepts", whose
# sub-sections explain rather than define).
GLOSSARY_PAGE = re.compile(
    r"\b(?:glossary|glosario|glossaire|glossar|gloss[aá]rio)\b|术语表|用語集", re.I
)
