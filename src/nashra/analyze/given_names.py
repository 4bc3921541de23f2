"""Common Arabic given names, as match forms (:func:`nashra.text.match_form`).

Written for nashra. ``MEN``: names that, last in a two-word name, are mostly the
father's (جلال محمد) and alone name thousands, so none stands for one person across
the corpus (the few the region's news uses alone for one man, صالح، هادي، عباس, are not
listed). ``WOMEN``: women's names, for the gender of a speaker (those in ة are feminine
anyway) and for the first word of a name the tagger cut off (نسرين خليل العمور: its
training text has few women's names).
"""

from __future__ import annotations

from nashra.analyze.lexicon import mf_set

__all__ = ["LEADING", "MEN", "WOMEN"]

MEN = mf_set(
    "محمد أحمد محمود مصطفى إبراهيم إسماعيل يوسف يعقوب إسحاق موسى عيسى داود سليمان سليم "
    "سالم سعيد سعود سعدي فهد فيصل خالد خليل خليفة سلطان ناصر منصور مبارك فارس فريد فؤاد "
    "كريم كمال جمال جلال جميل عادل عامر عمرو عثمان عبده عوض حامد حمدي حمزة حميد رشيد "
    "رشاد رياض زكريا زياد سامي سمير شريف صبري صلاح طارق طلال عاطف عزيز عصام علاء عماد "
    "فتحي فوزي قاسم ماجد مالك مازن مجدي مراد مروان مسعود نبيل نجيب نادر نايف نواف هشام "
    "هاني وليد وائل ياسر ياسين يحيى أنور أيمن أسامة أشرف بسام بشير ثامر جابر جاسم جعفر "
    "حاتم حازم حسني حسام حسين راشد رامي شادي شاكر صابر ضياء عاصم عدنان غازي غالب فادي "
    "فراس لطفي ماهر محسن مختار مدحت منير مهدي نعيم هيثم وحيد وسيم يونس"
)

WOMEN = mf_set(
    "ليلى سلمى منى هدى نهى لبنى بشرى مريم زينب أسماء هناء وفاء سعاد نوال آمال ابتسام "
    "انتصار إيمان سناء رشا دعاء رحاب سهام نجلاء هيفاء شيماء عبير منال نسرين ياسمين جيهان "
    "سوزان هيام ريم رغد رنا لينا دينا هند رباب غدير سحر نور ضحى رضوى علياء لمياء "
    "فاطمة خديجة عائشة آمنة أمينة حليمة سميرة سمية سهى سلوى سوسن صفاء غادة فدوى فريدة "
    "لطيفة لمى مها ميساء نادية ناديا نجوى هالة هبة وداد ولاء وئام رانيا روان رزان سارة "
    "شذى عفاف كوثر ماجدة ميار ندى إسراء جميلة حنان رقية مروة منار نسمة وسن سمر نادين "
    "ريهام رهف جنى دانة لجين هديل أريج بثينة تغريد خلود دلال رجاء سماح شيرين عبلة "
    "فايزة ميرفت نعمات هويدا وجدان يسرى"
)

# Given names that, right before a name the tagger found, begin it (نسرين + خليل العمور,
# علي + عبدالله صالح, سعاد + حسني). Not the women's names that are common words in front
# of a name (أمل، نور، رجاء، سماح، حنان، سحر، ضحى; كريمة فلان is his daughter).
LEADING = (MEN | WOMEN | mf_set("علي عمر حسن")) - mf_set("أمل نور رجاء سماح حنان سحر ضحى")
