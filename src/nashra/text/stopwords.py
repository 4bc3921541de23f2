"""Arabic stopwords, in match form.

The list covers the 119 words of Savoy's Arabic list (the one Lucene's ArabicAnalyzer
ships), written here from the function words themselves and folded to match form, plus
common function words it lacks (more pronouns and demonstratives, prepositions such as
عبر/ضد/حول/دون, particles such as لقد/سوف/هل/بل), their most frequent forms with an
attached و/ف, and every single Arabic letter (stray proclitics split off by tatweel or
digits: الـ, بـ2024, 1990م).

Content words are deliberately *not* stopwords, even very frequent ones in news
(قال, عام, اليوم, رءيس): they carry meaning for search and follows.
"""

from __future__ import annotations

from nashra.text.normalize import match_form

__all__ = ["STOPWORDS", "is_stopword"]

# Written in ordinary spelling; folded to match form below (so أن/ان/إن collapse).
_WORDS_TEXT = """
من ومن منها منه منهم منهن في وفي ففي فيها فيه فيهم فيهن و ف ثم وثم أو او ب بها به بهم بهن
ا أ أي أى اي لا ولا فلا إلا ألا الا لكن ولكن لكنه لكنها ما وما فما كما وكما مما عما عن وعن مع ومع
معه معها معهم إذا اذا وإذا فإذا إذ إن أن ان وإن وأن فإن فأن بأن لأن لان كأن إنها أنها إنه أنه
انه انها وأنه وأنها التى التي الذى الذي الذين اللذين اللذان اللتين اللتان اللاتي اللواتي
اللائي إلى الى إلي وإلى إليه إليها إليهم على وعلى عليه عليها عليهم عليهن أما إما اما وأما
أيضا ايضا كل وكل لكل بكل لم ولم فلم لن ولن فلن هي هى هو وهي وهو فهي فهو هم وهم هن هما
أنا انا نحن أنت انت أنتم انتم أنتما أنتن لك لكم لها له لهم لهن لهما لنا لي هذه هذا وهذه وهذا
هذان هذين هاتان هاتين هؤلاء تلك ذلك وذلك ذاك ذا أولئك هناك هنالك هنا كانت كان وكانت وكان
كانوا يكون تكون يكونوا ليكون غير بعض وبعض قد وقد فقد لقد نحو بين وبين بينما منذ ضمن حيث
الان الآن خلال وخلال بعد وبعد قبل وقبل حتى وحتى عند وعند عندما لدى لدي لديه لديها لديهم
جميع عبر تحت فوق أمام امام خلف دون ضد حول إزاء مثل مثلما كذلك لذلك لذا كي لكي لماذا كيف
متى أين اين هل بل سوف ليس ليست لست أيها يا أم ال ثمة إنما انما أنما بينهم بينها عليك إليك
ليسوا لسنا ليسا بعدما بينهما بيننا بينكم بينهن لدينا لديك لديكم لديهن لديهما لكنهم لكننا
لكنني لكنك لكنكم كلاهما كليهما كلتا لايزال لاتزال مازال مازالت لازال لازالت بعضهم بعضها بعضنا
لاسيما سيما بعضا بعضهما
"""
_WORDS = _WORDS_TEXT.split()

_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءة"

STOPWORDS: frozenset[str] = frozenset(match_form(w) for w in _WORDS) | frozenset(
    match_form(c) for c in _LETTERS
)


def is_stopword(word: str) -> bool:
    """True when ``word`` (already in match form) is an Arabic stopword."""
    return word in STOPWORDS
