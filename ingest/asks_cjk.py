"""Questions in Chinese, Japanese and Korean, which ask without a "?" as often as with one."""

from __future__ import annotations

import re

# Chinese asks without a "?" too: an interrogative word anywhere (什么 what, 为什么 why,
# 怎么/如何 how, 哪 which, 是否 whether, 多少 how many, 吗/呢 question particles), or a task
# verb first (介绍 introduce, 谈谈/说说/讲一下 talk about, 解释一下 explain, 简述 outline,
# 列举 list, 比较一下 compare, 请问 may I ask …).
_CJK_ASKS = re.compile(
    r"什么|为什么|为何|怎么|怎样|如何|哪|是否|多少|[吗呢][\s。？！]*$"
    # task verbs only in forms that are no other word (比较 alone also means "rather")
    r"|^\W*请?(?:介绍(?!了)|简单介绍|简要介绍|简述|阐述|谈谈|说说|讲讲|讲一下|解释一下|描述一下"
    r"|说明一下|比较一下|分析一下|总结一下|列举|请问)"
    # Noun phrases that ask as plainly as "Difference between …": X的区别 (the difference),
    # 原因 (the reason), 优缺点 (pros and cons), 解决办法 (the fix).
    r"|(?:区别|异同|原因|优缺点|优劣|解决(?:办法|方法|方案))\W*$"
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_MAX_QUESTION = 80  # characters: a question without "？" is one short sentence
# Korean asks by its verb ending as often as by "?": a task verb (설명 explain, 알려 tell, 얘기
# talk about, 작성 write, 추천 recommend, 비교 compare, 생각 think, …) in a polite request
# (설명해주세요 "please explain"), a suggestion (생각해봅시다 "let's think") or a command
# (얘기하라); or a question ending (-까요, -나요, -니까). "Please click the link" asks nothing.
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KO_ASKS = re.compile(
    r"(?:설명|알려|얘기|이야기|말해|말씀|작성|만들어|추천|비교|정리|구상|생각|알아|세워|정의|서술"
    r"|구현|계산|증명|제시|소개|논의|분석|설계|정해|골라|선택|예측|풀어|구해)\S*"
    r"(?:주세요|주십시오|봅시다|보세요|하라|하시오|십시오|해라)\W*$|(?:[까나]요|니까)\W*$"
)
_CJK_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"")


def chinese_asks(text: str) -> bool:
    """Chinese text asks without "？" (see `_CJK_ASKS`) unless it ends as a statement ("。"),
    the asking word only sits in a quotation ("把问题改写成“怎么做”。"), or it runs longer than
    a question does."""
    if not _CJK.search(text):
        return False
    text = _CJK_QUOTED.sub("", text).strip()
    if len(text) > _CJK_MAX_QUESTION:
        return False  # a paragraph that says 如何 on its way is telling, not asking
    return not text.endswith(("。", "！", "!", "；")) and bool(_CJK_ASKS.search(text))


def korean_asks(text: str) -> bool:
    """Korean text asks by its ending (see `_KO_ASKS`), a trailing "(ex. …)" aside."""
    return bool(_HANGUL.search(text)) and bool(
        _KO_ASKS.search(re.sub(r"\s*\([^()]*\)\s*$", "", text.strip()))
    )
