"""Walk a document's blocks in reading order and match each clause against the claims.

For each clause: discourse resolution (:mod:`.discourse`) -> condition matching
(:mod:`.conditions`, with figure checks from :mod:`.figures`) -> the retries of
:mod:`.retries` when nothing matched, in the order :data:`.readings.READINGS` lists -> findings
(:mod:`.build`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from taxcheck.claimdb import ClaimDatabase
from taxcheck.claimdb.models import OPPOSITE_POLARITY
from taxcheck.clauses import Candidate
from taxcheck.documents import HEADING_KINDS, STATEMENT_KINDS, Block, Document, label_line
from taxcheck.findings import Finding, Step
from taxcheck.follow_ons import FollowOn, does_this, fills_each, follow_on, gives_value
from taxcheck.matching.accounts import (
    SPECIFIC_ACCOUNTS,
    borrowed_accounts,
    other_accounts_reading,
)
from taxcheck.matching.amend_steps import amendment_steps, fixable_items
from taxcheck.matching.background import label_names, lent
from taxcheck.matching.build import build_finding, from_procedure, labels_a_myth
from taxcheck.matching.conditions import Match, match_claims, worked_example_text
from taxcheck.matching.discourse import (
    CONTEXT_WINDOW,
    HOLDER_GROUPS,
    SECTION_ONLY_GROUPS,
    DiscourseContext,
    Groups,
    Resolution,
    answered_row,
    foils,
    follows_on,
    passed_on_year,
    relied_on,
    resolve_clause,
    share_cohort,
    sourced,
)
from taxcheck.matching.hedged_no import exception_follows
from taxcheck.matching.messages import claim_message
from taxcheck.matching.mistakes import as_mistakes
from taxcheck.matching.old_all_or_none import dismissed_partial
from taxcheck.matching.old_conditions import after_tax_conditions
from taxcheck.matching.old_mechanics import told_mechanics
from taxcheck.matching.old_rmd_age import told_rmd_age
from taxcheck.matching.old_schedule_d import told_schedule_d
from taxcheck.matching.old_undo import told_undo
from taxcheck.matching.old_yearly import yearly_exceptions
from taxcheck.matching.poster_age import with_poster_cohort
from taxcheck.matching.readings import Clause, first_reading
from taxcheck.matching.refund_deadlines import cutoff_follow_ons, worked_year_end
from taxcheck.matching.retries.borrowing import MatchFn, borrowed
from taxcheck.matching.retries.carry_on import Said, asked_about_previous, revives
from taxcheck.matching.retries.cases import case_held, sets_up_case
from taxcheck.matching.retries.figure_pronouns import gives_bare_amount
from taxcheck.matching.retries.headings import (
    WAYS_TITLE,
    SectionClaim,
    announces,
    case_figure,
    heading_states,
    lists_topics,
    numbered,
    opening_concepts,
    section_subjects,
    worded,
)
from taxcheck.matching.retries.lead_ins import (
    LeadIn,
    answered_by_body,
    as_item_of,
    lead_in_of,
    run_in_lead,
)
from taxcheck.matching.retries.nearby_clauses import with_reason_cohort
from taxcheck.matching.retries.old_titles import (
    asked_only,
    stated_part,
    title_match,
    whole_title,
)
from taxcheck.matching.retries.premises import story_of, with_premise
from taxcheck.matching.retries.procedures import (
    AHEAD_WINDOW,
    Procedure,
    ahead_of_rule,
    announces_rule,
    as_step_of,
    bare_step,
    continues_procedure,
    denies_rule,
    how_to,
    introduces_steps,
    leaves_page_rule,
    may_open,
    on_procedure,
    page_rule,
    presents_how,
    presupposed,
    procedure_of,
    restated_as_condition,
    restated_as_detail,
    restated_in_example,
    restated_in_step,
    says_rule_ended,
    set_aside,
    step_heading,
    step_instruction,
    steps_follow,
    sums_up,
    turns_away,
)
from taxcheck.matching.retries.questions import (
    ANSWERS,
    HEDGED_ANSWERS,
    Question,
    answers,
    bare_reply,
    past_address,
    weighs,
    wh_reply,
)
from taxcheck.matching.retries.quiet_gap import names_something, waits_past_quiet
from taxcheck.matching.retries.quoted import QuoteReply, reply_to_quote
from taxcheck.matching.retries.reply_topic import about_the_question
from taxcheck.matching.retries.worked_examples import (
    EXAMPLE_HEADING,
    Stated,
    scenario,
    worked_example_line,
)
from taxcheck.matching.taken_back import takes_back
from taxcheck.matching.undone import undoes, without_conversion
from taxcheck.matching.worked_totals import ExampleParts, PartsFn, summed_amounts
from taxcheck.matching.years import (
    TURN,
    ClauseYears,
    clause_years,
    heading_year,
    lead_in_year,
    section_year,
    sentence_year,
)
from taxcheck.nlp.quantities import find_quantities
from taxcheck.readers.furniture import disclaimer, post_meta
from taxcheck.tense import (
    ends_in_past_frame,
    framed_in_past,
    last_sentence,
    scene_set_before,
    sets_past_frame,
    simple_past,
    told_in_past,
    told_of_early_year,
)

_TEASER_LEAD = re.compile(
    r"^\s*(?:what\s+you(?:'|\u2019)ll\s+learn|what\s+you\s+will\s+learn|"
    r"in\s+this\s+(?:article|guide|post|story|piece)|(?:table\s+of\s+)?contents|"
    r"on\s+this\s+page|jump\s+to|related(?:\s+(?:articles|reading|posts|stories|links))?|"
    r"you\s+may\s+also\s+like|more\s+from|read\s+more|"
    r"(?:here(?:'|\u2019)?s\s+)?what\s+we(?:'|\u2019)ll\s+cover|what(?:'|\u2019)s\s+inside)"
    r"\b[^.!?]{0,40}:?\s*$", re.IGNORECASE)
"""A heading or lead-in that announces a list of topics ("What you'll learn", "In this
article:"): the items under it name topics, they state nothing."""
_TEASER_INLINE = re.compile(
    r"^\s*(?:what\s+you(?:'|\u2019)ll\s+learn|what\s+you\s+will\s+learn|"
    r"in\s+this\s+(?:article|guide|post|story|piece|explainer|issue|episode)|on\s+this\s+page|"
    r"(?:here(?:'|\u2019)?s\s+)?what\s+we(?:'|\u2019)ll\s+cover|what(?:'|\u2019)s\s+inside|"
    r"(?:table\s+of\s+)?contents|jump\s+to)(?:\s*[:\u2014\u2013]|\s+--?\s)\s*\S", re.IGNORECASE)
"""A paragraph that lists its topics on the lead's own line ("In this article: when RMDs
start, how they are figured and how Roth accounts differ"): an inline table of contents,
which states nothing and gives the sentences after it no context."""
_ADVICE_LEAD = re.compile(
    r"^\W*(?:(?:my|our|some|a\s+few|quick|final)\s+)?(?:advice|tips?|suggestions?|"
    r"recommendations?|next\s+steps|what\s+(?:to\s+do|i(?:'|\u2019)?d\s+do|you\s+should\s+do))"
    r"\b[^.!?:]{0,40}:\s*$", re.IGNORECASE)
"""A lead-in to a list of advice ("My advice, Renee:", "Next steps:"): its items tell the
reader what to do, they are not the steps of a rule stated before them."""
_WH_QUESTION = re.compile(r"^\W*(?:when|what|how|which|who|whom|whose|where|why)\b",
                          re.IGNORECASE)
"""A question that asks for a value ("When do your IRA withdrawals start?"), not whether a rule
holds."""
_FIGURE_HEADING = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s+)?\$\s?\d[\d,.]*\s*(?:k|thousand)?\s*(?:[-\u2013\u2014]{1,2}|:)\s",
    re.IGNORECASE)
"""A heading that opens with the figure it names ("2. $7,500 \u2014 the standard catch-up at
50+", "$1,000: the IRA catch-up"): a sentence under it that repeats the amount states it."""
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
BELIEF_SUBJECTS = frozenset({"LOSS", "IRA", "ACCOUNT_REFERENCE", "TRADITIONAL_IRA"})
"""What a belief about the open procedure's rule names when it is about the rule's own
subject (the loss, the account), not something else (Schedule D, a capital loss)."""
PAST_LABEL_WORDS = 4
"""The longest line with no colon that labels the list after it ("Before 2020", "The old
rules") as a lead-in does."""
_READER_QUESTION = re.compile(r"^\W*(?:Q|Question)(?:\s*\d+)?\s*[:.)\u2014\u2013-]", re.IGNORECASE)
"""A reader's question in a Q&A column ("Q: ...", "**Q:** ...", "Question 3: ...")."""
_ANSWER_MARK = re.compile(r"(?:^|\s)\W{0,2}A(?:nswer)?\W{0,2}\s*[:.)\u2014\u2013]\s", re.IGNORECASE)
"""The answer's tag inside a reader's question block ("Q: ...? A: No."): what follows it is
the column's own."""
_RULE = re.compile(r"^\s*([-=_*~#+])\1{2,}\s*$")
"""A line drawn across the page ("-----", "=====")."""
_LINK_ROW = re.compile(
    r"^\s*(?:related|see\s+also|read\s+next|read\s+more|more\s+(?:on|from)|further\s+reading|"
    r"you\s+may\s+also\s+like)\b[^:|]{0,30}:[^|\u00b7\u2022]+(?:[|\u00b7\u2022][^|\u00b7\u2022]+)+$",
    re.IGNORECASE)
"""A row of links ("See also: Roth conversion ladders | 401(k) loans", "Related posts: A ·
B · C", bullets too), as a paragraph or a heading: page furniture, which states nothing and
gives the next sentences no context."""
_ENDORSED = re.compile(
    r"^\s*(?:(?:fact|reality|verdict|truth|the\s+truth|answer)\s*[:\-\u2013\u2014]\s*)?"
    r"(?:(?:(?:this|that)\s+one|this|that|it)\s*(?:is|'s|\u2019s)\s+)?"
    r"(?:(?:actually|really|mostly|largely|basically|essentially|generally|broadly|"
    r"pretty\s+much|absolutely|completely|entirely)\s+)?"
    r"(?:true|correct|right)(?:\s*[.!,:;\u2014\u2013]|\s*$)(?!\s*(?:but|only|if|for|in\s+part|sort\s+of)\b)",
    re.IGNORECASE)
"""The answer that follows a quoted myth and confirms it ("Fact: This one is actually true.",
"True.", "This one is mostly true."): the claim is the author's own, not a debunked myth.
"Partly true" and "True, but only for ..." do not confirm."""
_CONFIRMED = re.compile(
    r"^\s*(?:(?:sadly|unfortunately|actually|surprisingly|in\s+fact|believe\s+it\s+or\s+not)"
    r"\s*,?\s*)?(?:"
    r"(?:(?:this|that)\s+one|this|that|it)\s*(?:is|'s|\u2019s)\s+(?:(?:actually|really|much|"
    r"far|a\s+lot)\s+)?closer\s+to\s+the\s+truth"
    r"|(?:(?:this|that)\s+one|this|that|it)\s*(?:is\s+not|isn(?:'|\u2019)t|(?:'|\u2019)s\s+not)"
    r"\s+(?:really\s+)?a\s+myth"
    r"|there(?:'|\u2019)?s\s+(?:real\s+|some\s+|a\s+lot\s+of\s+|more\s+)?truth\s+(?:to|in)\s+"
    r"(?:this|that|it)\b)", re.IGNORECASE)
"""The answer after a quoted myth that says it holds after all, in words other than "true"
("This one is closer to the truth than most people assume", "Sadly, this one isn't a myth",
"There's real truth to this one"): the claim is the author's own."""
_AGREES = re.compile(
    r"^\s*(?:(?:and|yes|yep)\s*,?\s*)?(?:(?:it|that|this|they|he|she)\s*(?:is|'s|\u2019s|are|"
    r"'re|\u2019re)\s+)(?:(?:absolutely|actually|quite|exactly|dead|100%)\s+)?"
    r"(?:true|right|correct)(?:\s*[.!,:;\u2014\u2013]|\s*$)"
    r"(?!\s*(?:but|only|if|for|in\s+part|sort\s+of)\b)", re.IGNORECASE)
_AGREES_AFTER = re.compile(
    r"[,;:\u2014\u2013]\s*(?:and\s+)?(?:it|that|this|they|he|she)\s*(?:is|'s|\u2019s|are|'re|"
    r"\u2019re)\s+(?:(?:absolutely|actually|quite|exactly|dead|100%)\s+)?(?:true|right|correct)"
    r"\s*[.!]?\s*$", re.IGNORECASE)
"""The writer agreeing with a report in the same breath (", and it's true", "They're right.",
"That's correct."): what was reported is the writer's own claim, not a debunked belief."""
ACCOUNT_GROUP = "account"
"""The context group of accounts (a 401(k), an IRA, a taxable account)."""
TOPIC_GROUP = "topic"
"""The context group of what a section is about (a loan, a hardship withdrawal, RMDs)."""
YOUNG_COHORT = "BORN_1960"
"""The birth cohort of anyone under 64 today (RMDs at 75): a present age in a clause tied to
another names it there (:func:`share_cohort`)."""
CONTRIBUTE_LABEL = "CONTRIBUTE"
"""The concept of putting money in: the year of a contribution is the tax year of its
limits and credits."""
_YEAR_FRAME = re.compile(
    r"^\W*(?:(?:for|in)\s+(?:the\s+)?(?:tax\s+year\s+)?(20\d\d)\s*,"
    r"|(?:(?:an\s+)?example\s+|a\s+case\s+)?(?:from|on|take|consider)\s+"
    r"(?:a|an|the|her|his|their|my|our|your|one)\s+(20\d\d)\s+(?:tax\s+)?"
    r"(?:return|filing|tax\s+year|taxes)\s*[,:]"
    r"|(?:an?\s+)?(20\d\d)\s+(?:illustration|example|case|scenario|case\s+study)\s*[,:]"
    r"|(?:illustration|example|case|scenario)\s*\(\s*(20\d\d)\s*\)\s*[,:])", re.IGNORECASE)
"""A sentence that opens by naming its year ("For 2025, if you're single ...") or the past
return a worked example comes from ("From a 2016 return: Ana cashed out ...", "On his 2015
return: ...", "A 2015 illustration: ...", "Example (2014): ..."): the paragraph's next
sentences that name no year of their own speak of it too."""
_TURNS_ON_REPLY = re.compile(r"^\W*(?:but|however|though|still|that\s+said|then\s+again)\b",
                             re.IGNORECASE)
"""A sentence that turns against the reply before it ("Yes. But ...")."""
IMPLIED_WINDOW = 5
"""How many sentences back (inside the section) a condition's implied concepts may come from;
the title and the section's heading always count."""


HISTORY_REACH = 3
"""Most sentences after a claim told as history that a how-to may still be walking through."""


@dataclass(frozen=True)
class _Section:
    """What a block inherits from its headings."""

    year: int
    """The year of the innermost heading that names one, else the as-of year."""
    groups: Groups
    """The context groups of the innermost heading (for a paragraph)."""
    heading_groups: Groups
    """The groups of every enclosing heading, the innermost winning."""
    ahead: frozenset[str] = frozenset()
    """For a heading: the concepts of the block after it."""
    lookahead: Groups | None = None
    """For a heading: the groups of the block after it (the section it introduces)."""


FOLLOW_ON_LABELS = frozenset({*ANSWERS, *HEDGED_ANSWERS, "ONLY"})
"""Concepts a follow-on sentence may name and still take the statement's: a reply ("It
isn't.") and "just" ("You just don't owe it.") name no tax thing."""
FILL_LABELS = frozenset({"LIMIT", "SEPARATE_LIMIT", "ITS_OWN"})
"""Concepts of "You can max out both" (:func:`fills_each`), which restates the separate
limits of the statement before it."""


def _fills_each(cand: Candidate) -> bool:
    """"You can max out both.": besides claim terms, only the concepts of filling limits."""
    return (len(cand.labels) <= len(FILL_LABELS) + 3
            and {label for label in cand.labels if "/" not in label}
            <= FOLLOW_ON_LABELS | FILL_LABELS and fills_each(cand.sentence))


STEP_BODY_LABELS = frozenset({"LOSS", "DEDUCT"})
"""What a statement in a step's own text names to spell the step out ("If the total comes
in under your unrecovered basis, the gap is your loss.")."""


_TODAY = re.compile(r"\b(?:today|now|still|currently|anymore|any\s+more|these\s+days|"
                    r"this\s+year|20(?:1[89]|[2-9]\d))\b", re.IGNORECASE)
"""Words that speak of today in a list told of the past ("None of this applies now")."""


_OF_BASIS = frozenset({"BASIS", "CONTRIBUTION", "CONTRIBUTE", "CONTRIBUTIONS_ONLY", "PRETAX",
                       "AFTER_TAX", "COUNTS", "COUNT_TOWARD", "DEDUCT"})
"""What a denial names when it says which contributions basis leaves out."""


def _leaves_out_of_basis(labels: frozenset[str]) -> bool:
    """A denial that says which contributions basis leaves out ("Deductible contributions
    don't count toward it"): a detail of the rule, not the rule ending."""
    return bool({"CONTRIBUTION", "CONTRIBUTIONS_ONLY"} & labels) and labels <= _OF_BASIS | {
        f for f in labels if "/" in f}


TITLE_RULES = (("ira-loss-deduction-outdated", 2018),)
"""Abolished rules a title may teach on a page dated before the year given
(:meth:`_Walk._title_rule`)."""
TITLE_TOPIC = frozenset({"DEDUCT", "LOSS", "RETIREMENT_ACCOUNT"})
"""What such a title names: the deduction, the loss and the account."""
TITLE_RECOVERY = frozenset({"RECOVER_BASIS", "LOSS", "RETIREMENT_ACCOUNT"})
"""The same write-off named by getting after-tax money back from a fallen account
("Recovering Your After-Tax IRA Money When the Account Is Down: A Step-by-Step Guide")."""
TITLE_OTHER_ACCOUNTS = frozenset({"EMPLOYER_PLAN", "TAXABLE_ACCOUNT"})
"""Accounts the IRA-loss write-off never covered: a title naming one is about something
else ("Can you deduct 401(k) losses?")."""
_TITLE_NOT_RULE = frozenset({"ENDED", "GONE", "BAN", "SUSPENSION", "SUSPENDED", "PERMANENT",
                             "WENT_AWAY", "CAPITAL_LOSS", "HARVEST", "ROLLOVER", "WASH_SALE"})
"""What a title names when it tells the rule is gone or speaks of another loss rule."""


_STATES_CONDITION = re.compile(r"^\W*(?:only\s+)?(?:if|when|as\s+long\s+as|unless)\b",
                               re.IGNORECASE)
"""A reply that states a condition ("Only if you already itemize."): it states the rule's."""


OLD_PAGE_READINGS = {"retirement-loss-deductible": ("ira-loss-deduction-outdated", 2018)}
"""A claim read, on a page dated before the year given, as the abolished rule of that page's
day: "You can write off a losing IRA" on a 2016 page is the old IRA-loss write-off."""


EXAMPLE_BLOCKS = 4
"""How many statement blocks before a clause a worked example's parts are read from."""
EXAMPLE_KINDS = frozenset({"paragraph", "list_item"})
"""The blocks a worked example is written in."""


def _usd_in(text: str) -> list:
    return [q for q in find_quantities(text) if q.kind == "usd"]


PREMISES = frozenset({"CLOSE_ALL"})
"""What every step of an abolished procedure takes for granted (the IRA-loss rule's closing
every IRA of a kind), with the procedure's account and loss."""


class _Walk:
    """The state of one pass over a document (see :func:`match_document`)."""

    def __init__(self, document: Document, candidates: list[list[Candidate]],
                 db: ClaimDatabase, tax_year: int):
        self.document, self.candidates, self.db = document, candidates, db
        self.tax_year = tax_year
        self.reference = document.meta.date or dt.date(tax_year, 1, 1)
        self.context = DiscourseContext(db)
        self.findings: dict[tuple[str, int, int | None], Finding] = {}
        self.headings: dict[int, tuple[int | None, Groups]] = {}
        self.told: dict[str, bool] = {}
        """Clause text -> whether it is told in the past (:meth:`_told_in_past`)."""
        self.summed: dict[int, tuple[float, ...]] = {}
        """The amounts of each block that may be parts of a sum (:meth:`_summed`)."""
        self._under: _Section | None = None
        """What a block that is no heading inherits from the headings now open (the same
        until a heading or page furniture changes them)."""
        self.title: set[str] = set()
        self.undoes_contribution = False
        """The last recharacterization the page named undid a contribution
        (:func:`.undone.undoes`)."""
        self.title_cells: set[str] = set()
        """What the title lends table cells and "Label: value" lines when their section's
        heading names nothing: all it names, but of a title that asks ("Do we each get a
        $3,000 write-off?") or names a belief only the things (the loss, the IRA)."""
        self.poster: str | None = None
        """The birth cohort of the age a poster gave of themselves last ("I'm 57"): a reply
        telling "you" an RMD age speaks of it (:func:`with_poster_cohort`)."""
        self.headed = False
        """A heading (not the title) has been read: the article's lead is over."""
        self.lead_read = False
        """The lead's paragraph that names a topic has been read (:meth:`_lead_topic`)."""
        self.ways = False
        """The title promises a number of ways to do something ("9 Ways to ...")."""
        self.heading: set[str] = set()
        self.heading_amounts: set[float] = set()
        """The dollar amounts the section's heading gives ("2. $7,500 \u2014 the standard
        catch-up at 50+")."""
        self.cell_heading: set[str] = set()
        self.item_heading = False
        """The last section heading was a numbered item ("1. Harvest your losses")."""
        self.item_amounts: set[float] = set()
        """The dollar amounts the statement sentences of the current section gave."""
        self.carried: list[tuple[int, frozenset[str], bool]] = []
        """The last sentences of the numbered item before this one (:meth:`_next_item`)."""
        self.item_back = False
        """The section's numbered heading points back to the item before."""
        self.recent: list[tuple[int, frozenset[str], bool]] = []
        """Each statement sentence of the section: its number, concepts, and whether it is an
        item of a list or of a run of "Label: value" lines."""
        self.previous: tuple[frozenset[str], Candidate, int] | None = None
        self.spoken: tuple[frozenset[str], Candidate, int] | None = None
        """The last statement sentence that matched no claim: what it named (all its clauses),
        its first clause and its number. "The same is true of Roth 401(k)s" after "As the
        owner you're never required to take money out" repeats that, not an earlier
        statement ("today it's 73 ...")."""
        self.body = False
        self.procedure: Procedure | None = None
        self.page_procedure: Procedure | None = None
        """The procedure the page's title opened (:meth:`_title_rule`), until a sentence says
        its rule is gone: a heading that names its steps later opens it again
        (:meth:`_steps_of_page`)."""
        self.opened_in: int | None = None
        """The block that stated the open procedure."""
        self.case_item = False
        """The open procedure was stated by an unnumbered list item that is no instruction:
        one case of a list of cases ("Children ... can stretch the withdrawals", then "Roth
        IRA beneficiaries ..."), whose sibling items are cases of their own, not its steps."""
        self.step_list = False
        """The list being read holds the open procedure's steps (:func:`steps_follow`)."""
        self.steps_announced = False
        """A heading or lead-in announced the list's steps (not its own first item)."""
        self.step_section = False
        """Under a heading that numbers a step of a procedure of the page's own rule
        (:meth:`_step_heading`): its paragraphs are the step's own text."""
        self.step_body: int | None = None
        """Where (a source offset) the numbered item of the open procedure just read ends, or
        the paragraph of its own text after it ("Step 3: Cash out completely." then "Take
        every last dollar out before December 31."): the paragraphs right after it, up to the
        next heading, list item or blank line, are the step's own text, read as part of it."""
        self.example_section = False
        """Under a heading that announces a worked example ("Worked example")."""
        self.example_ahead: list[tuple[int, Block, Candidate, Resolution]] = []
        """Lines of the worked example being read that figure a loss before any rule was
        stated (:meth:`_example_ahead`)."""
        self.lead_paragraph: Groups | None = None
        """The groups named by the paragraph just before, when it ends in a colon and the
        block being read is a paragraph that completes it (:func:`completes_lead_in`)."""
        self.leading: Groups | None = None
        """The groups the block just read names, when it is a paragraph ending in a colon:
        the next block's ``lead_paragraph``."""
        self.other_list = False
        """The list being read is of other things (:func:`turns_away`): no item is a step."""
        self.asked: Question | None = None
        self.named_at = -1  # the last sentence with a clause naming something (quiet_gap)
        self.reply: tuple[int, Candidate, int] | None = None
        """The last reply to a question that stated nothing of its own: its block index,
        clause and sentence number (:meth:`_spells_out_reply`)."""
        self.lead: LeadIn | None = None
        self.fact_box = False
        """Only "Label: value" lines and definitions (:func:`.documents.label_line`) have
        been read since the section's heading."""
        self.advice = False
        """The list being read is advice ("My advice:"): no item is a step of a procedure."""
        self.lead_year: int | None = None
        """The one tax year the lead-in of the list being read names ("For 2024:")."""
        self.stated: Stated | None = None
        """The last clause that stated a claim (a worked example after it may restate it)."""
        self.said: list[tuple[int, frozenset[str]]] = []
        """The claims each sentence of the current block matched, with its number."""
        """The sentence ending in a colon that introduces the list being read."""
        """The last question asked: a reply right after it states what it asks."""
        """An abolished rule stated as available, whose section is still open."""
        self.ahead_of_rule: list[tuple[int, Candidate, Resolution]] = []
        """Clauses of the block being read that stated nothing but may announce or begin the
        rule a later sentence of the block states (:meth:`_announced`)."""
        self.section_claim: SectionClaim | None = None
        """A heading, quiet on its own, that may state its section's first claim."""
        self.first_said: list[tuple[int, Match]] = []
        """The matches of the block being read, with their sentence numbers."""
        self.teaser_section = False
        """Under a heading that announces topics ("What you'll learn")."""
        self.past_section = False
        """Under a heading set in the past ("The exception that used to exist")."""
        self.mistakes = ""
        """The list of mistakes the blocks are in (:func:`.mistakes.as_mistakes`)."""
        self.past_lead = False
        self.past_told_lead = False
        """The lead-in sentence of the list being read sets the past itself, and speaks of no
        day of today: its items tell how things were, in any tense."""
        """After a lead-in set in the past ("Here is how it worked back then:")."""
        self.past_scene = False
        """After a paragraph that ends in the past ("Here is how it used to work, for readers
        who remember it.", "Before 2018, ... the shortfall was deductible."), while each block
        after it tells something in the simple past (:meth:`_told_as_history`)."""
        self.teaser_list = False
        """After a lead-in paragraph that announces topics ("In this article:")."""
        self.last_said: Said | None = None
        """The last statement sentence of a paragraph or list, with what it named."""
        self.sentence_years: tuple[int, ClauseYears] | None = None
        """The years of the last clause checked, with its sentence number."""
        self.paragraph_year: tuple[int, int, int] | None = None
        """The first and last block index and the year of a paragraph whose sentence opened
        "For 2025, ...", stated a figure for a year, or asked about one (with its answer's
        block)."""

    def _announces(self, block: Block) -> bool:
        """Track teaser headings and lead-ins; True for a list item under one, for such a
        heading, and for a paragraph that lists its topics after the lead
        (:data:`_TEASER_INLINE`)."""
        lead = bool(_TEASER_LEAD.match(block.text))
        if block.kind in HEADING_KINDS:
            self.teaser_section, self.teaser_list = lead, False
            # a heading that announces topics gives the sentences after it no context
            return lead or _TEASER_INLINE.match(block.text) is not None
        elif block.kind != "list_item":
            self.teaser_list = lead and block.text.rstrip().endswith(":")
            # the first paragraph after the announced bullets is the article's own text
            self.teaser_section = self.teaser_section and lead
            if not lead and _TEASER_INLINE.match(block.text):
                return True
        return block.kind == "list_item" and (self.teaser_section or self.teaser_list)

    def block(self, index: int, block: Block, cands: Sequence[Candidate]) -> None:
        # a top-level heading before any text is the article's title (Markdown "# Title"),
        # and so is the headline a byline or dateline follows (under a site's masthead)
        is_title = block.kind == "title" or (block.kind == "heading" and not self.body and (
            (block.level or 1) <= 1 or self._headline(index)))
        self.body = self.body or block.kind in STATEMENT_KINDS
        if block.kind == "heading" and not is_title:
            self.carried, self.item_back = self._next_item(block, cands)
            self.item_heading = numbered(block.text, block.number)
            self.item_amounts = set()
            # a worked example's heading that names nothing ("Example", "The math") goes on
            # with the section before it: its lines take that section's heading, when it names
            # what the example is about ("How conversions are taxed"), not the title
            example_of = (self.cell_heading if EXAMPLE_HEADING.search(block.text)
                          and not any(c.labels for c in cands)
                          and self.context.groups_of(self.cell_heading) else set())
            self.heading, self.cell_heading, self.recent, self.example_ahead = (
                set(), set(example_of), [], [])
            self.heading_amounts = set()
            self.example_section = EXAMPLE_HEADING.search(block.text) is not None
            self.context.section_start = self.context.sentence
            self.context.heading_start = self.context.sentence
        section = self._section(index, block, cands)
        self._new_question(block, cands)
        announced = self._announces(block)
        cands = self._completing_lead(block, self._told_as_history(block, is_title, cands))
        cands, self.mistakes = as_mistakes(block, cands, self.mistakes)
        cands = share_cohort(cands, self.context.members(("cohort",)), YOUNG_COHORT)
        cands, self.poster = with_poster_cohort(block.text, cands, self.poster)
        stated: set[int] = set()  # start offsets of the block's clauses that matched a claim
        first = self.context.sentence
        self.lead_paragraph, self.leading = (
            self.leading if block.kind == "paragraph" else None), None
        if block.kind != "list_item":
            self.lead, self.lead_year = None, None
            self.advice = bool(_ADVICE_LEAD.match(block.text))
        self.said = []
        self.first_said = []
        self.ahead_of_rule = []
        pending, self.section_claim = self.section_claim, None
        resolved: list[frozenset[str]] = []
        # the concepts of every clause of the block in order, none for one that states
        # nothing (a lead-in's last sentence may be such a one: :func:`lead_in_of`)
        aligned: list[frozenset[str]] = []
        # the block's clauses so far, of which those telling the poster's own case are the
        # story its question may rest on (worked out only for a question: most blocks ask none)
        heard: list[tuple[Candidate, int, frozenset[str]]] = []
        for before, cand in zip((None, *cands), cands, strict=False):
            self.context.sentence = first + cand.sentence_index
            self._past_quiet(cand, block.kind in ("paragraph", "list_item", "quote"))
            if before is not None and self.asked is not None and self.asked.conditional:
                self.asked = case_held(self.asked, before, cand, self.context.sentence,
                                       block.text[before.sentence_end:cand.sentence_start])
            res = with_reason_cohort(self._resolve(block, cand, section), cands, self.context)
            if not res.labels and not wh_reply(cand, self.asked, self.context.sentence) \
                    and not self._bare_figure(cand):
                aligned.append(frozenset())
                continue  # a follow-on sentence with no statement right before it
            resolved.append(frozenset(res.labels))
            aligned.append(resolved[-1])
            heard.append((res.cand, self.context.sentence, frozenset(res.labels)))
            if res.cand.question and answered_row(block.row, block.text):
                res = replace(res, cand=replace(res.cand, question=False))
            if not res.cand.question and not announced and not self._weighs_reply(
                    res.cand) and (
                    block.kind in STATEMENT_KINDS or res.cand.imperative or res.cand.assertive
                    or self._replies(res.cand) or self.numbered_way(block)
                    or self._endorsed(index, res.cand) or self._after_case(block)):
                res = self._check(index, block, cands, res, section, stated)
            elif not announced and self._presupposes(block, res.cand):
                res = self._teaches(index, block, cands, res, section, stated)
            self._note_reply(index, res.cand, stated)
            said = bare_reply(res.cand)
            if said is not None and self.asked is not None and self._replies(res.cand):
                # "Yes." leaves the claim to the sentence after it
                self.asked = replace(self.asked, sentence=self.context.sentence, reply=said)
            self._note_spoken(block, res, stated)
            if not announced:  # a teaser bullet names a topic: it gives no context
                self._remember(block, cand, res, is_title)
                self._note_said(index, block, res)
            if res.cand.question:
                self._asks_year(index, block, res.cand, section)
                line = self.document.line_col(block.to_source(cand.start))[0]
                # a choice between two topics ("Loan or hardship withdrawal?") sets up no
                # case that the next sentence holds in
                choice = len(res.cand.labels & self.context.groups.get(TOPIC_GROUP,
                                                                       frozenset())) > 1
                asked = frozenset(res.labels) if block.kind in HEADING_KINDS else with_premise(
                    asked_about_previous(res.cand, frozenset(res.labels), self.last_said,
                                         self.context.sentence), story_of(heard),
                    self.context.sentence)
                self.asked = Question(asked, self.context.sentence, line,
                                      sets_up_case(res.cand) and not choice
                                      and not (is_title and self._heads_thread(index)),
                                      cand=res.cand, own=frozenset().union(*(
                                          c.labels for c in cands
                                          if c.sentence_index == cand.sentence_index)))
        self._bare_step(index, block, cands, stated)
        self._title_rule(index, block, cands, is_title)
        self._step_heading(index, block, cands, stated)
        self._lead_answered(index, block, cands, first)
        self._after_step(block)
        self._follow_heading(index, block, cands, pending, is_title or bool(stated))
        self._lead_into_list(index, block, cands, resolved, aligned, announced)
        self.fact_box = (block.kind == "heading" and not is_title) or (
            self.fact_box and label_line(block))

    def _weighs_reply(self, cand: Candidate) -> bool:
        """A short reply right after a question that weighs a move ("Is it worth it?
        Usually not.", "Seldom."): it weighs the move and states no rule
        (:func:`.retries.questions.weighs`)."""
        asked = self.asked
        return (asked is not None and weighs(asked)
                and 0 < self.context.sentence - asked.sentence <= 1
                and cand.start == cand.sentence_start and len(cand.sentence.split()) <= 6
                and bool(ANSWERS.keys() & cand.labels) and not _STATES_CONDITION.match(cand.text))

    def _heads_thread(self, index: int) -> bool:
        """A title right above a post's header ("IRA took a beating, deduct it?" then
        "dave wrote on Mon Mar 12, 2012 8:14 pm") is a thread's topic: the asker's own
        question, not a case the post's first sentence holds in."""
        after = index + 1 < len(self.document.blocks) and self.document.blocks[index + 1]
        return bool(after) and after.kind in ("dateline", "byline")

    def _lead_answered(self, index: int, block: Block, cands: Sequence[Candidate],
                       first: int) -> None:
        """A run-in lead's wrong findings that its body answers give way to the body
        (:func:`answered_by_body`). A first sentence right after a question ("How many
        60-day rollovers can I do in a year?" then "One per IRA in any 12-month stretch.")
        is its answer, not a label."""
        if block.kind not in ("paragraph", "list_item") or not cands or not run_in_lead(
                cands[0], cands) or (self.asked is not None
                                     and first - self.asked.sentence <= 1):
            return
        at = block.to_source(cands[0].sentence_start)
        mine = {k: f for k, f in self.findings.items() if f.block == index}
        lead = {k: f for k, f in mine.items() if k[1] == at}
        body = [f for k, f in mine.items() if k[1] != at]
        fact_of = {f.claim_id: self.db.by_id[f.claim_id].fact for f in mine.values()
                   if f.claim_id in self.db.by_id}
        answered = answered_by_body(list(lead.values()), body, fact_of)
        # (by key: a finding is kept under its claim, its sentence and, for a later clause
        # that states a rule wrong again, that clause; see _check)
        for key in [k for k, f in lead.items() if any(f is a for a in answered)]:
            del self.findings[key]

    def _completing_lead(self, block: Block, cands: Sequence[Candidate]) -> Sequence[Candidate]:
        """An item that completes its list's lead-in ("You can take money out penalty-free if
        you:" / "are 55 and still working there") is a statement, though it opens with a verb
        as a question would."""
        if block.kind != "list_item" or self.lead is None or "?" in block.text:
            return cands
        return [replace(c, question=False) if c.question else c for c in cands]

    def _bare_figure(self, cand: Candidate) -> bool:
        """An amount that names nothing, given bare or by a pronoun right after a statement
        (or after it and a short question: "The new cap? $24,500."): the figure follow-on
        reading (:func:`.retries.figure_pronouns.as_figure_follow_on`) may read it."""
        said = self.last_said
        return (said is not None and 0 < self.context.sentence - said.sentence <= 2
                and cand.start == cand.sentence_start
                and any(q.kind == "usd" for q in cand.quantities)
                and (gives_bare_amount(cand.sentence) or gives_value(cand.text) is not None))

    def _note_said(self, index: int, block: Block, res: Resolution) -> None:
        """Remember what a statement sentence of a paragraph or list named, all its clauses
        together, for a follow-on after it (:func:`.retries.carry_on.with_previous_sentence`)."""
        cand = res.cand
        if block.kind not in STATEMENT_KINDS or block.kind == "table_cell" or cand.question:
            return
        sentence = self.context.sentence
        labels: AbstractSet[str] = frozenset(
            (cand.labels - foils(cand)) | res.referred).difference(ANSWERS)
        polarity = cand.polarity
        claims = frozenset(c for n, ids in self.said if n == sentence for c in ids)
        last = self.last_said
        # told as history, set in the past ("Closing every IRA created a deductible loss
        # before 2018.") or told in it ("Before 2020, you couldn't ..."): a follow-on may say
        # it holds still
        historical = cand.historical or framed_in_past(cand.text) or self._told_in_past(cand.text)
        clauses: tuple[Candidate, ...] = (cand,)
        if last is not None and last.sentence == sentence:
            labels |= last.labels
            claims |= last.claims
            polarity = "negated" if "negated" in (polarity, last.polarity) else polarity
            historical = historical or last.historical
            clauses = (*last.clauses, cand)
        line = self.document.line_col(block.to_source(cand.start))[0]
        self.last_said = Said(sentence, labels, line, polarity, historical, claims, clauses)

    def _bare_step(self, index: int, block: Block, cands: Sequence[Candidate],
                   stated: set[int]) -> None:
        """A numbered item of the open procedure's own list whose first sentence names
        nothing ("Step 2: Close out the accounts.") and whose other sentences state nothing
        either is a step of it all the same: the procedure's rule, stated again, once per
        step (:func:`bare_step`, :func:`as_step_of`). So is a paragraph of the procedure's
        steps that opens with a step's number ("<p><strong>Step 3: Total what you
        received.</strong> Add up ...</p>" under "The checklist")."""
        if self.procedure is None or any(c.sentence_index == 0 for c in cands):
            return
        # (a paragraph's step label is quoted apart from the sentences after it)
        if not (self._step_paragraph(block) or (
                not stated and block.kind == "list_item" and self.step_list
                and not self.other_list and not self.advice
                and numbered(block.text, block.number))):
            return
        cand = bare_step(block.text)
        if cand is None:
            return
        matches, res = as_step_of(cand, Resolution(cand, set(), [], set()), self.procedure,
                                  True, numbered_step=True)
        for m in matches:
            self._keep((m.claim.id, block.to_source(cand.start), None), index, block, cand, m,
                       res.steps)

    def _title_rule(self, index: int, block: Block, cands: Sequence[Candidate],
                    is_title: bool) -> None:
        """A title that names an abolished deduction, its loss and its account ("The IRA Loss
        Write-Off in Four Steps", "How to Write Off a Losing IRA"), on a page dated before
        the rule ended (:data:`TITLE_RULES`), teaches it: the rule's procedure is open from
        the title on, for the steps and details the page gives. The title itself states
        nothing; a title that asks, denies the rule or tells it as history opens nothing."""
        date = self.document.meta.date
        if not is_title or self.procedure is not None or date is None or not cands:
            return
        stated = stated_part(cands)
        if asked_only(cands) or not stated or any(
                c.polarity != "affirmed" or c.historical or c.attribution for c in cands):
            return  # (a question asks: "roth ira lost value, any deduction?")
        named = self.db.expand(frozenset().union(*(c.labels for c in cands)))
        if not (named >= TITLE_TOPIC or named >= TITLE_RECOVERY) or named & (
                _TITLE_NOT_RULE | TITLE_OTHER_ACCOUNTS):
            return
        for claim_id, until in TITLE_RULES:
            claim = self.db.by_id.get(claim_id)
            if claim is None or date.year >= until:
                continue
            vocabulary = frozenset(c for cond in claim.when for c in (*cond.all, *cond.any))
            line = self.document.line_col(block.to_source(cands[0].start))[0]
            topics = frozenset(self.context.groups.get(TOPIC_GROUP, ()))
            self.procedure = Procedure(claim, 0, vocabulary, line, set_aside(claim, topics))
            self.page_procedure = self.procedure
            self.opened_in = index
            if not any(f.block == index for f in self.findings.values()):
                cand = whole_title(stated[-1], block.text)
                match, step = title_match(claim, cand, date.year)
                self._keep((claim.id, block.to_source(cand.start), None), index, block, cand,
                           match, [step])
            return

    def _step_heading(self, index: int, block: Block, cands: Sequence[Candidate],
                      stated: set[int]) -> None:
        """A heading that numbers a step ("## Step 2: Withdraw everything") under a procedure
        of the page's own rule (:func:`page_rule`, opened by its title and lead before the
        steps) is a step of it whatever words it uses, and the paragraphs under it, up to the
        next heading, are the step's own text. A procedure one step of a live procedure
        opened (a hardship how-to's abolished "take a loan first") is no page's rule: the
        headings after it are that procedure's own steps."""
        if block.kind != "heading":
            return
        self.step_section = False
        if self.procedure is None or self.procedure.level != 0:
            return
        # (a heading that announces the steps, "How to figure the amount", opens their
        # text too, in prose)
        self.step_section = step_heading(block.text) or continues_procedure(
            self.procedure, block.text, cands)
        if stated or not step_heading(block.text):
            return
        first = [c for c in cands if c.sentence_index == 0]
        cand = first[0] if first else bare_step(block.text)
        if cand is None or cand.historical or told_in_past(cand.text):
            return
        matches, res = as_step_of(cand, Resolution(cand, set(), [], set()), self.procedure,
                                  True, numbered_step=True)
        for m in matches:
            self._keep((m.claim.id, block.to_source(cand.start), None), index, block, cand, m,
                       res.steps)

    def _lead_into_list(self, index: int, block: Block, cands: Sequence[Candidate],
                        resolved: list[frozenset[str]], aligned: list[frozenset[str]],
                        announced: bool) -> None:
        """What a block passes on to the list after it: its lead-in, the year the lead-in
        names, whether the items are the open procedure's steps or other things."""
        if block.kind in STATEMENT_KINDS - {"list_item"} and not announced and cands:
            if block.text.rstrip().endswith(":"):
                line = self.document.line_col(block.to_source(cands[-1].start))[0]
                last = self.context.sentence
                claims = frozenset().union(*(ids for n, ids in self.said if n == last))
                self.lead = lead_in_of(cands, block.text, aligned, line, claims)
            else:
                self.lead = None  # (most blocks) no colon, no lead-in (:func:`lead_in_of`)
        if block.kind in STATEMENT_KINDS - {"list_item"}:
            self.lead_year = lead_in_year(block.text)
            # (a lead-in, or a short label line over the list: "**Before 2020**")
            self.past_lead = (block.text.rstrip().endswith(":")
                              or len(block.text.split()) <= PAST_LABEL_WORDS
                              ) and sets_past_frame(block.text)
            lead = last_sentence(block.text) if self.past_lead else None
            # the lead-in sentence itself sets the past ("Here is how it worked back then:"),
            # not an earlier sentence of its paragraph before "here's how to claim it on your
            # 2026 return:"
            self.past_told_lead = lead is not None and sets_past_frame(lead) and (
                _TODAY.search(lead) is None)
        if block.kind == "paragraph" and block.text.rstrip().endswith(":") and resolved:
            self.leading = self.context.groups_of(frozenset().union(*resolved))
        if block.kind != "list_item" or self.opened_in == index:
            self.step_list = steps_follow(self.procedure, self.opened_in == index, block.text,
                                          item=block.kind == "list_item", cands=cands) and not (
                self.case_item and self.opened_in == index)
            self.steps_announced = self.step_list and block.kind != "list_item"
        if block.kind != "list_item":
            # a lead-in to other things ("Other year-end moves:") or to the steps of another
            # subject ("Here's how to move your old 401(k) to an IRA:")
            self.other_list = turns_away(block.text) or (
                self.procedure is not None and introduces_steps(block.text)
                and not on_procedure(self.procedure, cands))

    def _told_as_history(self, block: Block, is_title: bool,
                         cands: Sequence[Candidate]) -> Sequence[Candidate]:
        """Clauses in the simple past under a heading or list lead-in set in the past ("The
        exception that used to exist", "Here is how it worked back then:" over "You had to
        cash out every IRA") tell how things were: they are historical. So do those told in
        the past (:func:`.tense.told_in_past`) after a paragraph that tells of the past
        (:attr:`past_scene`: "Here is how it used to work." over "Taxpayers had to close
        every traditional IRA they owned") or of a year before 2018 ("Example from 2016: a
        saver ... had a $2,500 loss")."""
        if block.kind in HEADING_KINDS:
            self.past_scene = False
            if block.kind == "heading" and not is_title:
                # (or told in the past itself: "What the steps were", "How savers claimed
                # it"; not a question about the past: "Wasn't there a special deduction?")
                self.past_section = sets_past_frame(block.text) or (
                    told_in_past(block.text) and "?" not in block.text)
            elif is_title or block.kind == "title":
                # a title that sets the past ("How Recharacterization Used to Work", "The
                # Pre-2020 Hardship Rules") frames the page up to its first heading; not one
                # told in the past (a story: "I Closed My IRA at a Loss") nor a question
                self.past_section = sets_past_frame(block.text) and "?" not in block.text
            return cands
        if block.kind not in STATEMENT_KINDS:
            return cands  # (a dateline, a byline: the scene goes on past them)
        led = self.past_told_lead and block.kind == "list_item"
        framed = self.past_section or (self.past_lead and block.kind == "list_item")

        def told_then(c: Candidate) -> bool:
            # (the cheap tests first: most clauses are neither framed nor after a past scene)
            if c.historical:
                return False
            if framed:
                # an item of a list a lead-in sets in the past ("Here is how it worked back
                # then:") tells how it was in the present tense too ("- You must close every
                # traditional IRA"), unless it speaks of today ("none of this applies now")
                return simple_past(c.text) or (led and _TODAY.search(c.sentence) is None)
            if c.polarity != "affirmed":
                return False
            if self.past_scene or told_of_early_year(c.sentence):
                return self._told_in_past(c.text) and simple_past(c.text)
            return (self._told_in_past(c.text) and simple_past(c.text)
                    and scene_set_before(block.text, c.sentence_start))

        told = [replace(c, historical=True) if told_then(c)
                else replace(c, past_frame=True) if framed and not c.historical else c
                for c in cands]
        # the scene goes on while the blocks tell something in the past, and ends at one that
        # tells only of today ("None of this applies for 2018 or later")
        self.past_scene = ends_in_past_frame(block.text) or (
            bool(told) and told[-1].historical) or (
            self.past_scene and (not told or any(c.historical for c in told)))
        return told

    def _follow_heading(self, index: int, block: Block, cands: Sequence[Candidate],
                        pending: SectionClaim | None, said: bool) -> None:
        """A statement after a quiet heading may give it its claim; a quiet heading (one
        sentence, no title, ``said`` nothing) waits for the block after it."""
        if pending is not None and block.kind in STATEMENT_KINDS - {"table_cell"}:
            self._section_claim(pending)
        if (block.kind == "heading" and not said and cands
                and all(c.sentence_index == cands[0].sentence_index for c in cands)):
            self.section_claim = self._quiet_heading(index, cands[0])

    def _quiet_heading(self, index: int, cand: Candidate) -> SectionClaim | None:
        """A heading that matched nothing but is worded as a statement or an instruction and
        opens with a concept specific to some claim (:func:`opening_concepts`)."""
        block = self.document.blocks[index]
        if cand.question or cand.attribution:
            return None
        subjects = section_subjects(self.context)
        opening = (opening_concepts(cand, block.text, self.context, self.db.vocabulary[1])
                   if worded(cand, block.text) else frozenset())
        # an instruction that names only its section's topic ("Borrow from yourself", "Take a
        # hardship withdrawal") offers the option; what the section says of it is the
        # section's claim, not the heading's ("Convert after you've left the company" says more)
        topics = self.context.groups.get(TOPIC_GROUP, frozenset())
        if not cand.labels - subjects - topics:
            opening = opening - topics
        if opening:
            return SectionClaim(index, cand, opening, frozenset(cand.labels - subjects))
        if cand.polarity != "affirmed" or cand.historical:
            return None
        # a topic ("When a loss becomes deductible"): it may present an abolished rule
        said = frozenset(self.db.expand(cand.labels) - subjects)
        return SectionClaim(index, cand, opening, said, topic=True) if said else None

    def _section_claim(self, pending: SectionClaim) -> None:
        """The heading states the wrong claim the first sentence of its section spells out
        ("Carry it forward, but quickly" over "Unused losses ... expire after five years")."""
        if not self.first_said:
            return
        first = self.first_said[0][0]
        # (a heading announcing an exception is spelled out by its first paragraph)
        spelled = announces(pending)
        m = heading_states(pending, [m for n, m in self.first_said if n == first or spelled],
                           self.db.vocabulary[0])
        if m is None:
            return
        block = self.document.blocks[pending.index]
        step = Step(stage="context", detail="the claim its section's first sentence spells out",
                    labels=tuple(sorted(m.concepts - pending.cand.labels)), source="section")
        self._keep((m.claim.id, block.to_source(pending.cand.sentence_start), None), pending.index,
                   block, pending.cand, m, [step])

    def _headline(self, index: int) -> bool:
        """The heading is followed by the article's byline or dateline."""
        after = self.document.blocks[index + 1] if index + 1 < len(self.document.blocks) else None
        return after is not None and after.kind in ("byline", "dateline")

    def _next_item(self, block: Block, cands: Sequence[Candidate]
                   ) -> tuple[list[tuple[int, frozenset[str], bool]], bool]:
        """The last sentences of the numbered item before, when this numbered heading names
        no thing of a context group (no loss, account or topic of its own), and whether the
        heading points back to that item (a pronoun, "2. Double it if you're married", or a
        dollar amount it gave, "2. Remember the $3,000 is per person"). Such an item goes on
        with what the one before spoke of: what that one named stays implied for the heading
        and its sentences. An item that only names another move ("6. Swap, don't
        repurchase") starts afresh, even for a sentence that points back ("You stay invested
        and keep the loss" is not about the IRA of the item before)."""
        named = frozenset().union(*(c.labels for c in cands))
        if not (self.item_heading and numbered(block.text, block.number)) or (
                self.context.groups_of(named)):
            return [], False
        amounts = {q.value for c in cands for q in c.quantities if q.kind == "usd"}
        return self.recent, any(c.anaphor for c in cands) or bool(amounts & self.item_amounts)

    def numbered_way(self, block: Block) -> bool:
        """A numbered item ("9. Take a hardship withdrawal", "4. Hardship withdrawals") under a
        title that promises ways to do something: it names one of them."""
        return (self.ways and block.kind in {"heading", "list_item"}
                and numbered(block.text, block.number))

    def _after_case(self, block: Block) -> bool:
        """A headline's sentence right after the question that sets up its case ("Converted
        right before the slide? Here's your do-over", "Over 50? Your limit is $32,500"): it
        states what holds in the case, like a paragraph's sentence would."""
        return (block.kind in HEADING_KINDS and self.asked is not None and self.asked.conditional
                and self.context.sentence - self.asked.sentence == 1)

    def _past_quiet(self, cand: Candidate, statement: bool) -> None:
        """A reply past sentences that name nothing still answers the question before them
        (:mod:`.retries.quiet_gap`); a clause that names something is noted."""
        self.asked = waits_past_quiet(self.asked, cand, self.context.sentence,
                                      self.named_at, statement) or self.asked
        if names_something(cand):
            self.named_at = self.context.sentence

    def _replies(self, cand: Candidate) -> bool:
        """The clause is a reply ("No.", "Not for IRAs.") right after a question: a heading
        that opens like one ("Not for everyone") with no question before it is a label."""
        return (answers(cand) and self.asked is not None
                and self.context.sentence - self.asked.sentence <= 1)

    def end_section(self) -> None:
        """Page furniture (a forum post's header, a signature) ends the section: what the
        previous post named is no longer implied; the title still is. A procedure one post
        stated as available ends with it: the next poster's sentences are no steps of it."""
        self.procedure, self.step_list = None, False
        self.heading, self.cell_heading, self.recent = set(), set(), []
        self.carried, self.item_back, self.item_heading = [], False, False
        self.heading_amounts = set()
        self.section_claim = None
        self.headings = {k: v for k, v in self.headings.items() if k < 1}
        self._under = None
        self.context.section_start = self.context.sentence

    def _section(self, index: int, block: Block, cands: Sequence[Candidate]) -> _Section:
        ahead: frozenset[str] = frozenset()
        lookahead = None
        heading = block.kind in HEADING_KINDS
        if heading:
            level = 0 if block.kind == "title" else max(block.level, 1)
            self.headings = {k: v for k, v in self.headings.items() if k < level}
            self._under = None
            if (self.procedure is not None and 0 < level <= self.procedure.level
                    and not EXAMPLE_HEADING.search(block.text)
                    and not continues_procedure(self.procedure, block.text, cands)):
                self.procedure = None
            elif self.procedure is not None and level > 0:
                # a procedure goes on under the page's next sections (a procedure of the
                # page's own rule) or its own subsections, until one speaks of something else
                # ("Your brokerage account") or says the rule is gone; the page's next section
                # goes on with it only when its heading points back to it, names what it
                # speaks of, or announces its steps or an example ("Other news" ends it)
                named = self.db.expand(frozenset().union(*(c.labels for c in cands)))
                if leaves_page_rule(self.procedure, named, frozenset(
                        self.context.groups_of(named).get("account", frozenset()))) or any(
                        c.polarity == "negated" for c in cands) or (
                        self.procedure.level == 0 and not self._goes_on_with(block, cands,
                                                                              named)):
                    self.procedure = None
            self._steps_of_page(block, cands)
            # an inline table of contents ("On this page - Roth IRAs, RMD ages") is no topic
            labels = frozenset() if _TEASER_LEAD.match(block.text) or _TEASER_INLINE.match(
                block.text) else frozenset().union(*(c.labels for c in cands))
            written = self.document.meta.date.year if self.document.meta.date else None
            self.headings[level] = (section_year(heading_year(block), written, self.tax_year),
                                    self.context.groups_of(labels))
            if index + 1 < len(self.candidates):
                ahead = frozenset().union(*(c.labels for c in self.candidates[index + 1]))
                lookahead = self.context.groups_of(ahead)
        elif self._under is not None:
            return self._under  # (most blocks) the same headings as the block before
        enclosing = [self.headings[k] for k in sorted(self.headings, reverse=True)]
        year = next((y for y, _ in enclosing if y is not None), self.tax_year)
        # the innermost heading that names a thing is what the section is about: a section
        # "Can you contribute to a Roth IRA?" under a title on the Saver's Credit does not
        # lend the credit to its amounts
        heading_groups: Groups = next((g for _, g in enclosing if g), {})
        groups = enclosing[0][1] if enclosing and not heading else {}
        section = _Section(year, groups, heading_groups, ahead, lookahead)
        if not heading:
            self._under = section
        return section

    def _steps_of_page(self, block: Block, cands: Sequence[Candidate]) -> None:
        """A heading that announces or names steps ("The checklist", "Step by step") of the
        rule the page's title teaches opens that procedure again, after a section that
        closed it ("First, the short version": "A decline inside your IRA isn't a tax
        event"), unless a sentence has said the rule is gone."""
        page = self.page_procedure
        if (self.procedure is None and page is not None
                and introduces_steps(block.text, True) and on_procedure(page, cands)):
            self.procedure = page

    def _goes_on_with(self, block: Block, cands: Sequence[Candidate],
                      named: frozenset[str]) -> bool:
        """The heading of the page's next section goes on with the page's own procedure:
        it points back to it ("Is it worth it?", "Where it goes on your return"), names
        what it speaks of ("Limits of the IRA loss write-off"), or announces its steps or
        an example ("How to figure the amount", "Step 2: ...", "Worked example")."""
        procedure = self.procedure
        if procedure is None:
            return False
        return (any(c.anaphor for c in cands)
                or bool(named & self.db.expand(procedure.vocabulary))
                or introduces_steps(block.text, procedure.level == 0) or step_heading(block.text)
                or sums_up(block.text) or EXAMPLE_HEADING.search(block.text) is not None)

    def _resolve(self, block: Block, cand: Candidate, section: _Section) -> Resolution:
        kind = self._follows_on(cand)
        if kind is not None and self.previous is not None:
            labels = self.previous[0] - FOLLOW_ON_LABELS
            return follows_on(cand, kind, labels, self.previous[1])
        repeats = None
        if (cand.same_as and self.previous
                and self.context.sentence - self.previous[2] <= CONTEXT_WINDOW):
            repeats = self.previous[:2]
            if self.spoken is not None and self.previous[2] < self.spoken[2] < (
                    self.context.sentence):
                # "the same is true of X" repeats the sentence just before, matched or not
                repeats = self.spoken[:2]
        return resolve_clause(cand, self.context, heading=block.kind in HEADING_KINDS,
                              list_item=block.kind == "list_item",
                              section=section.lookahead or {}, section_groups=section.groups,
                              heading_groups=section.heading_groups, repeats=repeats,
                              led_in=block.kind == "list_item" and self.lead is not None)

    def _note_spoken(self, block: Block, res: Resolution, stated: set[int]) -> None:
        """Remember a statement sentence that matched no claim (:attr:`spoken`); its later
        clauses add what they name. A clause that points back ("It simply disappears.")
        goes on about the statement before it, which stays the one repeated."""
        cand = res.cand
        if (block.kind not in STATEMENT_KINDS or cand.question or cand.attribution
                or cand.anaphor or cand.start in stated):
            return
        if self.spoken is not None and self.spoken[2] == self.context.sentence:
            self.spoken = (self.spoken[0] | res.labels, self.spoken[1], self.spoken[2])
        else:
            self.spoken = (frozenset(res.labels), cand, self.context.sentence)

    def _follows_on(self, cand: Candidate) -> FollowOn | None:
        """The shape of a follow-on sentence ("It isn't.", "You simply won't owe it.") right
        after a statement that matched a claim; None for any other clause."""
        if self.previous is None or self.context.sentence - self.previous[2] != 1 or not (
                cand.labels <= FOLLOW_ON_LABELS or _fills_each(cand)
                or does_this(cand.sentence)):
            return None
        source = self.previous[1]
        if (source.question
                or self._replies(cand)):
            return None
        kind = follow_on(cand.sentence)
        return None if kind == "restates" and source.attribution else kind

    def _endorsed(self, index: int, cand: Candidate) -> bool:
        """A myth ("Myth: ...") that the next block confirms ("Fact: This one is true."), or
        a report the writer agrees with at once ("You may have heard X, and it's true"; "My
        brother says X. He's right.")."""
        if not cand.attribution:
            return False
        block = self.document.blocks[index]
        rest = block.text[cand.sentence_end:cand.sentence_end + 80]
        if _AGREES_AFTER.search(cand.sentence) or _AGREES.match(rest) or (
                rest.strip() and _ENDORSED.match(rest)):
            return True
        if not cand.attribution.lower().startswith(("myth", "true or", "fact or", "truth or")):
            return False  # a myth or a quiz ("True or false?") answered in the next block
        after = self.document.blocks[index + 1] if index + 1 < len(self.document.blocks) else None
        return after is not None and bool(_ENDORSED.match(after.text)
                                          or _CONFIRMED.match(after.text))

    def _sourced(self, index: int, block: Block, cand: Candidate) -> bool:
        """A quotation the writer brings as their own source (:func:`sourced`)."""
        if cand.attribution != "quotation marks" or index == 0:
            return False
        after = block.text[cand.sentence_end:]
        if index + 1 < len(self.document.blocks):
            after = f"{after} {self.document.blocks[index + 1].text}"
        return sourced(self.document.blocks[index - 1].text, after)

    def _relied_on(self, index: int, block: Block, cand: Candidate) -> bool:
        """A report from whoever runs the plan that the writer goes by (:func:`relied_on`)."""
        if not cand.attribution:
            return False
        after = block.text[cand.sentence_end:]
        if index + 1 < len(self.document.blocks):
            after = f"{after} {self.document.blocks[index + 1].text}"
        return relied_on(cand.sentence, after)

    @staticmethod
    def _presupposes(block: Block, cand: Candidate) -> bool:
        """A how-to lead-in (:func:`how_to`), or a heading that presents how or when to do a
        thing (:func:`presents_how`): it presupposes the thing can be done."""
        if cand.question:
            return how_to(cand)
        return block.kind in HEADING_KINDS and presents_how(block.text)

    def _ambient(self, block: Block, cand: Candidate, cands: Sequence[Candidate],
                 section: _Section) -> frozenset[str]:
        """What the title, the section's heading and its last few sentences name (and, for a
        heading, its first paragraph): a clause may leave it implied."""
        before = self.carried if self.item_back else []
        near = [(labels, item) for seen, labels, item in before + self.recent
                if self.context.sentence - seen <= IMPLIED_WINDOW]
        nearby = {label for labels, _ in near for label in labels}
        fixed = frozenset(self.title | self.heading | section.ahead)
        ambient = self.db.expand(fixed | nearby)
        topics = frozenset(self.context.groups.get(TOPIC_GROUP, frozenset()))
        ambient = lent(ambient, cand.labels - foils(cand), label_names(cand, block), near,
                       fixed, topics)
        before = [c for c in cands if c.sentence_start == cand.sentence_start
                  and c.start < cand.start]
        told = {label for c in before for label in c.labels & topics}
        if told and not cand.labels & topics:
            # a later clause of a sentence whose first clause named its topic ("Loan: no tax
            # if repaid; you pay yourself back with interest" under "Loan or hardship
            # withdrawal?") leaves that topic implied, not another of the heading's
            ambient = ambient - (topics - told)
        accounts = frozenset(self.context.groups.get(ACCOUNT_GROUP, frozenset()))
        told = {label for c in before for label in c.labels & accounts}
        if told and not cand.labels & accounts:
            # so does its account ("A buyback in your brokerage account only delays it;
            # nothing is lost for good" under a heading about IRAs)
            ambient = ambient - (accounts - self.db.expand(frozenset(told)))
        return ambient

    def _around(self) -> frozenset[str]:
        """What the section's heading and its last few sentences name (not the title): a
        condition's ``none_around`` concepts there make its words another topic's."""
        before = self.carried if self.item_back else []
        nearby = {label for seen, labels, _ in before + self.recent
                  if self.context.sentence - seen <= IMPLIED_WINDOW for label in labels}
        return self.db.expand(frozenset(self.heading) | nearby)

    def _after_history(self) -> bool:
        """The last claim stated, a few sentences back, was told as history ("Before 2018,
        the shortfall could be deducted."): a how-to after it may walk through the old rule,
        so it presupposes nothing false of today."""
        last = self.stated
        return last is not None and last.cand.historical and (
            self.context.sentence - last.sentence <= HISTORY_REACH)

    def _teaches(self, index: int, block: Block, cands: Sequence[Candidate], res: Resolution,
                 section: _Section, stated: set[int]) -> Resolution:
        """A how-to lead-in (:func:`how_to`) read as the statement it presupposes: one that
        teaches an abolished rule states it (and opens its procedure); any other stays a
        teaser that asks nothing."""
        told = replace(res, cand=replace(res.cand, question=False))
        checked = self._check(index, block, cands, told, section, stated, teaches=True,
                              instruction=block.kind in HEADING_KINDS and how_to(res.cand)
                              and not self._after_history())
        return checked if res.cand.start in stated else res

    def _keep(self, key: tuple[str, int, int | None], index: int, block: Block, cand: Candidate,
              match: Match, steps: list[Step]) -> None:
        """The finding :func:`build_finding` makes of the rest under ``key``, unless one is
        kept there already (then it is not built: a Finding is validated only when kept)."""
        if key not in self.findings:
            self.findings[key] = build_finding(self.document, index, block, cand, match, steps,
                                               self.db.verifier)

    def _check(self, index: int, block: Block, cands: Sequence[Candidate], res: Resolution,
               section: _Section, stated: set[int], teaches: bool = False,
               instruction: bool = False) -> Resolution:
        if (self._endorsed(index, res.cand) or self._relied_on(index, block, res.cand)
                or self._sourced(index, block, res.cand)):
            res = replace(res, cand=replace(res.cand, attribution=None))
        cand = res.cand
        earlier = self.sentence_years
        # a list's items take the year their lead-in names ("For 2024:")
        own = self.lead_year if block.kind == "list_item" and self.lead_year else section.year
        default = sentence_year(cand, earlier[1] if earlier and earlier[0]
                                == self.context.sentence else None, own)
        default = self._paragraph_year(index, cand, default, own)
        date = self.document.meta.date
        years = clause_years(cand, default, self.reference, date.year if date else None,
                             self.tax_year)
        self.sentence_years = (self.context.sentence, years)
        match = self._matcher(index, block, cand, cands, section, years)

        matches, res = self._wider(block, cands, res, stated, match)
        matches = self._other_account(cand, res, matches, match)
        matches = self._of_page_time(matches, res, teaches)
        matches = _without_case_facts(block.text, cand, matches)
        if teaches:
            date = self.document.meta.date
            matches = presupposed(matches, instruction, date.year if date else None,
                                  self.db.expand(res.labels))
            if not matches and (self.procedure is None or block.kind not in STATEMENT_KINDS):
                # (under an open procedure, a paragraph "here's how to claim it:" leads into
                # its steps and states it; a heading announcing them only keeps it open)
                return res
        if not matches and not (self.advice and block.kind == "list_item"):
            matches, res = self._as_step(index, block, res, match)
        else:
            matches, res = restated_in_example(cand, res, matches, self.procedure)
            in_steps = (block.kind == "list_item" and self.step_list and not self.other_list
                        ) or self._in_step_body(block)
            expanded = self.db.expand(res.labels)
            matches, res = restated_as_detail(cand, res, matches, self.procedure, in_steps,
                                              expanded)
            if (in_steps or self.example_section) and self._only_beside(matches):
                # "Enter the shortfall on Form 8949 and carry it to Schedule D, where it
                # offsets any other gains you had first" as a step of the IRA-loss rule: not
                # the capital-loss rule it also states, but the old rule stated wrongly
                wrong, stepped = self._wrong_with_procedures_account(res, match)
                matches, res = (wrong, stepped) if wrong else (matches, res)
            matches, res = restated_in_step(cand, res, matches, self.procedure, in_steps,
                                            expanded)
            matches, res = restated_as_condition(cand, res, matches, self.procedure, expanded)
            self._open_procedure(matches, cand, block, index)
        cand = res.cand
        # the year of the contributions a figure is for ("If you contributed in 2025, you may
        # get the Saver's Credit. Joint filers qualify up to $79,000.") dates the figures after
        # it, as a figure stated for a year does (a clause with amounts of its own passes on
        # only the year of a figure it states)
        passed = passed_on_year(years, cand, any(m.claim.figure for m in matches) or (
            CONTRIBUTE_LABEL in cand.labels and not any(q.kind == "usd" for q in cand.quantities)))
        if passed is not None and block.kind in STATEMENT_KINDS:
            self.paragraph_year = (index, index, passed)
        matches = _beside_topics(block, matches)
        cand = self._quoted(index, block, cand, matches, res, match)
        myth = labels_a_myth(cand)
        for m in matches:
            if myth and m.verdict == "accurate":
                continue  # a correct rule labelled a myth (see labels_a_myth)
            # one finding per claim and sentence, but a rule stated wrong again by a later
            # clause ("is figured on the day you withdraw, so a dip shrinks it") is two
            # mistakes, each with its place (not a step of the abolished procedure the
            # sentence itself states: "..., so you would write off $2,200"); the key and
            # whether the finding is kept are read off the match, and the Finding is built
            # only when it is kept
            later = (cand.start > cand.sentence_start and m.verdict != "accurate"
                     and not m.claim.figure and not from_procedure(res.steps, m))
            key = (m.claim.id, block.to_source(cand.sentence_start),
                   block.to_source(cand.start) if later else None)
            known = self.findings.get(key)
            if known is None or (m.claim.figure and known.verdict == "accurate"
                                 and m.verdict != "accurate"):
                # a later clause that states a figure wrong ("..., between $79,000 and $89,000
                # in 2025; for 2026 the range is $79,000 to $89,000") outranks an earlier one
                # of the sentence that stated it right
                self.findings[key] = build_finding(self.document, index, block, cand, m,
                                                   res.steps, self.db.verifier)
        if not matches and block.kind in STATEMENT_KINDS and announces_rule(cand, res.labels):
            self.ahead_of_rule.append((self.context.sentence, cand, res))
        if matches:
            self._spells_out_reply(cand, matches)
            self.previous = (frozenset(res.labels), cand, self.context.sentence)
            stated.add(cand.start)
            self.said.append((self.context.sentence, frozenset(m.claim.id for m in matches)))
            self.first_said.extend((self.context.sentence, m) for m in matches)
            line = self.document.line_col(block.to_source(cand.start))[0]
            self.stated = Stated(cand, tuple(matches), self.context.sentence, line)
        return res

    def _quoted(self, index: int, block: Block, cand: Candidate, matches: list[Match],
                res: Resolution, match: MatchFn) -> Candidate:
        """A quote a reply endorses or rejects (:func:`reply_to_quote`) is another poster's
        words: the reply's finding is made, and the quote's own is framed as attributed. A
        reader's question in a Q&A column is the reader's words too (:func:`_asked_by_reader`)."""
        if not cand.attribution and _asked_by_reader(block, cand):
            return replace(cand, attribution="a reader's question")
        if not cand.attribution and any(m.verdict != "accurate" for m in matches) and (
                self._taken_back(index, block, cand)):
            return replace(cand, attribution="taken back by the next sentence")
        if not matches or (block.kind != "quote" and cand.attribution != "quotation marks"):
            return cand
        reply = reply_to_quote(self.document, index)
        if reply is None:
            if block.kind == "quote" and self._corrected(index, matches, match):
                return replace(cand, attribution=cand.attribution or "another poster, quoted")
            return cand
        self._reply_to_quote(reply, index, block, cand, matches, res, match)
        return replace(cand, attribution=cand.attribution or "another poster, quoted")

    def _taken_back(self, index: int, block: Block, cand: Candidate) -> bool:
        """A statement the next sentence of its block, or the next block when it ends its
        own, takes back as no longer so (:func:`takes_back`: "... Not anymore.")."""
        after = block.text[cand.sentence_end:]
        if not after.strip() and index + 1 < len(self.document.blocks):
            following = self.document.blocks[index + 1]
            after = following.text if following.kind in STATEMENT_KINDS else ""
        return takes_back(after)

    def _corrected(self, index: int, matches: list[Match], match: MatchFn) -> bool:
        """A reply that opens by stating rightly the fact a wrong quote got wrong ("> one
        rollover per account every calendar year" / "It's one 60-day rollover in any 12
        months, counting all your IRAs together."): it corrects the quote without saying
        "Nope", and the quote stays another poster's words."""
        wrong = {m.claim.fact for m in matches if m.verdict != "accurate"}
        if not wrong or any(m.verdict == "accurate" for m in matches) or (
                index + 1 >= len(self.document.blocks)):
            return False
        after = self.document.blocks[index + 1]
        if after.kind not in STATEMENT_KINDS or after.kind == "quote":
            return False
        return any(m.verdict == "accurate" and m.claim.fact in wrong
                   for c in self.candidates[index + 1] if c.sentence_index == 0
                   for m in match(set(c.labels), c))

    def _reply_to_quote(self, reply: QuoteReply, index: int, block: Block, cand: Candidate,
                        matches: list[Match], res: Resolution, match: MatchFn) -> None:
        """The reply after a quote states what the quote did (it endorses it) or its denial
        (it rejects a right one): the finding is the reply's (:mod:`.retries.quoted`)."""
        if reply.stance == "rejects":
            right = {m.claim.fact for m in matches if m.verdict == "accurate"}
            denied = replace(cand, polarity=OPPOSITE_POLARITY[cand.polarity]) if (
                right and cand.polarity in OPPOSITE_POLARITY) else None
            said = [m for m in match(set(res.labels), denied) if m.claim.fact in right
                    ] if denied is not None else []
        elif reply.stance == "past":
            said = []
        else:
            said = matches
        after = self.document.blocks[reply.index]
        at = replace(cand, start=reply.start, end=reply.end, sentence_start=reply.start,
                     sentence_end=reply.end, attribution=None, hedges=())
        line = self.document.line_col(block.to_source(cand.start))[0]
        step = Step(stage="context", detail=f"the reply {reply.stance} the claim quoted on "
                    f"line {line}", source="quote")
        for m in said:
            if m.verdict == "accurate":
                continue
            self._keep((m.claim.id, after.to_source(reply.start), None), reply.index, after, at,
                       replace(m, fix=None), [*res.steps, step])

    def _matcher(self, index: int, block: Block, cand: Candidate, cands: Sequence[Candidate],
                 section: _Section, years: ClauseYears) -> MatchFn:
        """The clause's matches for a set of concepts (and, optionally, the clause read
        another way). What the section names and the worked example's text are read only
        for concepts that may meet some condition (:meth:`ClaimDatabase.may_meet`; most
        clauses' never do), once per clause."""
        lazy: list[tuple[frozenset[str], str, PartsFn | None, frozenset[str]]] = []
        amounts = any(q.kind == "usd" for c in cands for q in c.quantities)

        def match(labels: set[str], clause: Candidate = cand) -> list[Match]:
            expanded = self.db.expand(labels)
            if not self.db.may_meet(expanded, amounts):
                return []
            if not lazy:
                lazy.append((self._ambient(block, cand, cands, section),
                             worked_example_text(block.text, cand),
                             self._example_parts(index, block, cand), self._around()))
            ambient, example, parts, around = lazy[0]
            ambient = without_conversion(ambient, labels, self.undoes_contribution)
            return match_claims(self.db, clause, expanded, years, ambient, example, parts,
                                around)

        return match

    def _example_parts(self, index: int, block: Block, cand: Candidate) -> PartsFn | None:
        """The amounts a worked example stated before the clause's last amount (in its
        block up to there, and in up to :data:`EXAMPLE_BLOCKS` statement blocks before it in
        the section), and those of them the page found to be an earlier year's value of a
        limit, as of now; None when the clause states no amount. The amounts are read when
        first asked for (only a total's figure and a condition on an old part ask)."""
        usd = [q for q in cand.quantities if q.kind == "usd"]
        if not usd or block.kind == "table_cell":
            return None  # (a table's cells hold limits, not a worked example's parts)
        blocks = [index]
        while (len(blocks) <= EXAMPLE_BLOCKS and blocks[-1] > 0
               and self.document.blocks[blocks[-1] - 1].kind in EXAMPLE_KINDS):
            blocks.append(blocks[-1] - 1)
        old = tuple((float(stated[0].value), float(right[0].value))
                    for f in self.findings.values()
                    if f.block in blocks and f.verdict == "outdated" and f.fix is not None
                    and (stated := _usd_in(f.fix.original)) and (right := _usd_in(
                        f.fix.replacement)))
        read: list[ExampleParts] = []

        def parts() -> ExampleParts:
            if not read:
                amounts = tuple(a for i in reversed(blocks[1:]) for a in self._summed(i)) + \
                    summed_amounts(block.text[:usd[-1].start])
                read.append(ExampleParts(amounts, old))
            return read[0]

        return parts

    def _told_in_past(self, text: str) -> bool:
        """:func:`.tense.told_in_past` of a clause's text, worked out once per text (a
        clause is asked whether it tells of the past before it is read and after)."""
        told = self.told.get(text)
        if told is None:
            told = self.told[text] = told_in_past(text)
        return told

    def _summed(self, index: int) -> tuple[float, ...]:
        """:func:`summed_amounts` of a whole block, worked out once per block (each clause
        stating an amount in the next :data:`EXAMPLE_BLOCKS` blocks reads it)."""
        amounts = self.summed.get(index)
        if amounts is None:
            amounts = self.summed[index] = summed_amounts(self.document.blocks[index].text)
        return amounts

    def _denies_asked_rule(self, cand: Candidate) -> bool:
        """A bare reply that says the rule is gone ("Not anymore.", "No longer.", "Not since
        2018.") to a question about the open procedure's rule ("Re: laid off with a loan,
        do I really only have 60 days?"): what the replier goes on to say is today's rule,
        not a step of the one asked about."""
        asked = self.asked
        return (asked is not None and self.procedure is not None
                and bare_reply(cand) == "negated" and says_rule_ended(cand)
                and self._replies(cand) and bool(asked.labels & self.procedure.vocabulary))

    def _as_step(self, index: int, block: Block, res: Resolution, match: MatchFn
                 ) -> tuple[list[Match], Resolution]:
        """A clause that matched nothing: a step of the open procedure (:func:`as_step_of`),
        which a denial of the rule ends (:func:`denies_rule`), or a list item completing its
        lead-in (:func:`as_item_of`)."""
        cand = res.cand
        # (a sibling of the list item that stated the rule as one case is a case of its own)
        item = block.kind == "list_item" and not (self.case_item and self.opened_in != index)
        if self.procedure is None:  # (most clauses) no procedure to be a step of
            self._example_ahead(index, block, res)
            return self._item_of_lead(index, res, match) if item else ([], res)
        if self._denies_asked_rule(cand):
            self.procedure = None  # "... only have 60 days?" "Not anymore.": the steps end
            return [], res
        if (run_in_lead(cand, self.candidates[index]) and not cand.imperative
                and not cand.assertive and not (item and self.steps_announced)
                and not (cand.sentence_index == 0 and self._step_paragraph(block))):
            # a lead that only labels its item ("5. **The basis rule.** ..." in a listicle);
            # the lead of an item of steps a heading or lead-in announced is a step ("Step 1:
            # Find your basis." under "Step-by-step: claiming it on your return")
            return [], res
        if label_line(block) and case_figure(res):
            return [], res  # a worked example's input ("Basis: $10,000") is no step
        body = self._in_step_body(block)
        if body and says_rule_ended(cand):
            self.procedure = None  # "That deduction has been gone since 2018": the steps end
            self.page_procedure = None
            return [], res
        in_steps = (item and self.step_list and not self.other_list) or body
        before = res
        # in a step's own text, an instruction is a step whatever words it uses ("Take
        # every last dollar out before December 31."), and a statement that names the loss
        # or the deduction spells the step out; a definition ("For a traditional IRA,
        # that's the nondeductible contributions ...", "Only money you couldn't deduct going
        # in creates basis") is neither
        instruction = body and (cand.imperative or step_instruction(cand))
        spelled = instruction or (body and bool(STEP_BODY_LABELS & cand.labels) and not (
            "BASIS" in cand.labels and "LOSS" not in cand.labels))
        # (a paragraph's run-in step label, "Step 1: Figure out your basis.", is a step like
        # a numbered item)
        label = cand.sentence_index == 0 and self._step_paragraph(block)
        # a step label run in later in a paragraph ("Here's the math. Step 1: Total your
        # nondeductible contributions, say $20,000. Step 2: ...") is a step too, when it
        # speaks of the rule
        run_in = (block.kind == "paragraph" and cand.start == cand.sentence_start
                  and step_heading(cand.text))
        matches, res = as_step_of(
            cand, res, self.procedure,
            (item and not self.other_list) or spelled or label or run_in,
            numbered_step=(in_steps and cand.sentence_index == 0
                           and numbered(block.text, block.number)) or label or (
                instruction and cand.sentence_index == 0),
            elaborates=self._under_stating_heading(index, block), in_steps=in_steps,
            expanded=self.db.expand(res.labels))
        if matches or (in_steps or (item and not self.other_list)):
            # (a step that is wrong under the old rule too names nothing the rule does:
            # "Step 5: Report it as a capital loss."; so it is that rule stated wrongly)
            wrong, stepped = self._wrong_with_procedures_account(before, match,
                                                                  own_fact=not matches)
            if wrong:
                return wrong, stepped
        if not matches:
            matches, res = restated_as_condition(cand, res, [], self.procedure,
                                                 self.db.expand(res.labels))
        if (self.procedure is not None and cand.polarity == "negated"
                and self.procedure.vocabulary & res.labels and not scenario(cand)
                and not _leaves_out_of_basis(frozenset(res.labels))
                and not self._answers_belief(index, cand)
                and denies_rule(cand, in_steps)):
            self.procedure = None  # "That deduction ended in 2018": the steps end
            if says_rule_ended(cand):
                self.page_procedure = None
        if not matches and item:
            matches, res = self._item_of_lead(index, res, match)
        return matches, res

    def _answers_belief(self, index: int, cand: Candidate) -> bool:
        """The denial answers the sentence before it in its block, a belief put in others'
        mouths that names something the open procedure's rule is not about ("Some people
        assume the loss goes on Schedule D. It doesn't, so don't expect to use it against
        capital gains."): it denies that belief, not the rule, whose steps go on. A belief
        in the rule itself ("Some people think you can still deduct it. You can't.") is
        denied with it."""
        if self.procedure is None or says_rule_ended(cand):
            return False
        before = [c for c in self.candidates[index]
                  if c.sentence_index == cand.sentence_index - 1]
        if not before or not all(c.attribution for c in before):
            return False
        named = frozenset().union(*(c.labels for c in before))
        return bool(named - self.procedure.vocabulary - BELIEF_SUBJECTS)

    def _example_ahead(self, index: int, block: Block, res: Resolution) -> None:
        """A line of a worked example that figures a loss or a deduction in dollars before
        any rule is stated ("Jordan's loss is $9,000 - $5,500 = $3,500." under "Example"):
        kept, in case a later line of the example states an abolished rule whose step it is
        (:meth:`_open_procedure`)."""
        cand = res.cand
        if (self.example_section and block.kind in STATEMENT_KINDS
                and cand.polarity == "affirmed" and not cand.historical
                and not cand.attribution and not told_in_past(cand.text)
                and worked_example_line(cand, frozenset(res.labels))):
            self.example_ahead.append((index, block, cand, res))

    def _item_of_lead(self, index: int, res: Resolution, match: MatchFn
                      ) -> tuple[list[Match], Resolution]:
        """A list item completing its lead-in (:func:`as_item_of`); not a later clause of an
        item whose first clause names things of its own, which comments on that clause:
        "Don't buy the ETF back in your Roth IRA; that wipes out the loss for good" under
        "Tax-loss harvesting moves:" harvests nothing in the IRA."""
        cand = res.cand
        if any(c.labels for c in self.candidates[index]
               if c.sentence_index == cand.sentence_index and c.start < cand.start):
            return [], res
        return as_item_of(cand, res, self.lead, match)

    def _only_beside(self, matches: list[Match]) -> bool:
        """Every match is a correct claim of another fact than the open procedure's."""
        if self.procedure is None or not matches:
            return False
        facts = {self.procedure.claim.fact, *self.procedure.claim.also_facts}
        return all(m.verdict == "accurate" and m.claim.fact not in facts for m in matches)

    def _step_paragraph(self, block: Block) -> bool:
        """The block is a paragraph of the open procedure's steps that opens with a step's
        number ("Step 3: Total what you received. Add up ..."): a run-in step label that
        the page's markup kept in its paragraph."""
        return (block.kind == "paragraph" and step_heading(block.text)
                and self._in_step_body(block))

    def _in_step_body(self, block: Block) -> bool:
        """The block is a paragraph of a step's own text (:attr:`step_body`): right under the
        step, with no blank line between (a blank line ends the step: the paragraphs after
        it are the article's own)."""
        if block.kind == "paragraph" and self.step_section and self.procedure is not None:
            return True  # under a heading that numbers a step (:meth:`_step_heading`)
        if (block.kind != "paragraph" or self.step_body is None or self.procedure is None
                or self.other_list or self.advice):
            return False
        between = self.document.source[self.step_body:block.to_source(0)]
        return _BLANK_LINE.search(between) is None

    def _after_step(self, block: Block) -> None:
        """Where the step being read ends, when the paragraphs after this block may be its
        own text: after a numbered item of the open procedure and its paragraphs, until a
        heading, another list item or a blank line."""
        if not block.segments:
            return  # an empty block ("> " alone on a line) has no place in the source
        if block.kind == "list_item":
            self.step_body = block.to_source(len(block.text)) if (
                self.procedure is not None and not self.other_list and not self.advice
                and numbered(block.text, block.number)) else None
        elif block.kind == "paragraph" and self._in_step_body(block):
            self.step_body = block.to_source(len(block.text))
        else:
            self.step_body = None  # (most blocks: no procedure is open)

    def _wrong_with_procedures_account(self, res: Resolution, match: MatchFn,
                                       own_fact: bool = False
                                       ) -> tuple[list[Match], Resolution]:
        """A step of an open procedure that matches nothing by itself but, given the account
        and loss the procedure is about, states with a concept of its own a rule that is
        false even under the old one ("Whatever you can't use this year carries forward"
        among the steps of the pre-2018 IRA-loss deduction): that error, not one more step
        of the outdated rule. ``own_fact``: only errors of the procedure's own facts (a step
        that matched nothing else: "Report it as a capital loss.")."""
        procedure, cand = self.procedure, res.cand
        if (procedure is None or cand.polarity != "affirmed" or cand.historical
                or cand.attribution or cand.question):
            return [], res
        extra = {label for group in HOLDER_GROUPS for label in procedure.vocabulary
                 & self.context.groups.get(group, set())} | (procedure.vocabulary & PREMISES)
        extra -= self.db.expand(res.labels)
        named = self.context.groups_of(self.db.expand(res.labels)).get("account", frozenset())
        if named - self.db.expand(procedure.vocabulary):
            return [], res  # "When you sell a fund in a regular brokerage account, ..."
        own = res.labels - procedure.vocabulary
        if not extra or not own:
            return [], res
        wrong = [m for m in match(res.labels | extra) if m.verdict == "false"
                 and m.claim.id != procedure.claim.id and m.concepts & own]
        if not wrong:
            return [], res
        facts = {procedure.claim.fact, *procedure.claim.also_facts}
        # the old rule stated wrongly, rather than the rule on all retirement accounts
        wrong = [m for m in wrong if m.claim.fact in facts] or ([] if own_fact else wrong)
        if not wrong:
            return [], res
        return wrong, borrowed(res, extra, f"the rule stated on line {procedure.line}",
                               "procedure")

    def _note_reply(self, index: int, cand: Candidate, stated: set[int]) -> None:
        """Remember a reply that says more than yes or no and stated nothing of its own
        (:meth:`_spells_out_reply`)."""
        if (self._replies(cand) and cand.start not in stated
                and cand.start == cand.sentence_start and bare_reply(cand) is None):
            self.reply = (index, cand, self.context.sentence)

    def _spells_out_reply(self, cand: Candidate, matches: list[Match]) -> None:
        """The sentence right after a reply that says more than yes or no but stated nothing
        of its own ("Can I still contribute after 70½? Not to a traditional IRA. Once you turn
        70½ ...", "Often, yes. Once a stock has lost 90% you can write it off.") spells the
        reply out: the reply states its wrong claims too. A bare "Yes." leaves the claim to
        the sentence after it (:func:`.retries.questions.explains_reply`). A sentence that
        turns against the reply ("Often, yes. But ...") or reports what others say does not
        spell it out."""
        if (self.reply is None or self.context.sentence - self.reply[2] != 1
                or cand.start != cand.sentence_start or cand.attribution
                or _TURNS_ON_REPLY.match(cand.sentence)
                or (self.asked is not None and weighs(self.asked))):
            return  # (a reply to "Is it worth it?", "Rarely.", weighs a move: no rule)
        index, reply, _ = self.reply
        block = self.document.blocks[index]
        line = self.document.line_col(block.to_source(cand.start))[0]
        step = Step(stage="context", detail=f"the reply the sentence on line {line} spells out",
                    labels=(), source="answer")
        for m in matches:
            if m.verdict == "accurate" or not about_the_question(self.asked, m.concepts,
                                                                  self.db.expand):
                continue  # (a reason that states a claim the question did not ask about)
            self._keep((m.claim.id, block.to_source(reply.sentence_start), None), index, block,
                       reply, replace(m, fix=None), [step])

    def _under_stating_heading(self, index: int, block: Block) -> bool:
        """The block is the paragraph right under the heading that stated the open
        procedure's rule (:func:`as_step_of`'s ``elaborates``)."""
        return (block.kind == "paragraph" and self.opened_in == index - 1
                and self.document.blocks[index - 1].kind == "heading")

    def _asks_year(self, index: int, block: Block, cand: Candidate, section: _Section) -> None:
        """A question about a year ("What could you put in a 401(k) in 2024?"): the rest of
        its paragraph and the block after it (the answer) take that year."""
        if not any(q.kind == "year" for q in cand.quantities):
            return
        years = clause_years(cand, section.year, self.reference)
        asked = passed_on_year(years, cand, False, question=True)
        if asked is not None:
            self.paragraph_year = (index, index + 1, asked)

    def _paragraph_year(self, index: int, cand: Candidate, default: int, section: int) -> int:
        """The year a paragraph opened with ("For 2025, ... Married couples ... $236,000"),
        for its later sentences that name none and do not turn away from it ("but now")."""
        # (every frame names a year of the 2000s: a sentence without "20" is not matched)
        frame = _YEAR_FRAME.match(cand.sentence) if (
            cand.start == cand.sentence_start and "20" in cand.sentence) else None
        if frame:
            self.paragraph_year = (index, index, int(next(g for g in frame.groups() if g)))
            return default
        if (self.paragraph_year is None
                or not self.paragraph_year[0] <= index <= self.paragraph_year[1]
                or default != section or TURN.search(cand.sentence) or revives(cand)):
            # ("Before 2020, you couldn't ... That's still the rule.": today)
            return default
        return self.paragraph_year[2]

    def _of_page_time(self, matches: list[Match], res: Resolution,
                      teaches: bool = False) -> list[Match]:
        """On a page written while the IRA-loss write-off still existed (dated 2017 or
        earlier), a clause that an IRA loss is deductible ("You can write off a losing
        IRA.") describes the write-off of its day: the abolished rule, outdated
        (:data:`OLD_PAGE_READINGS`), not the blanket claim that losses in any retirement
        account are deductible. A 401(k)'s loss, or a use of the loss that was wrong then
        too (harvesting it, offsetting gains), keeps its claim; a how-to (``teaches``) of
        such a page teaches nothing false of its day."""
        date = self.document.meta.date
        if teaches or date is None or not any(m.claim.id in OLD_PAGE_READINGS
                                                  for m in matches):
            return matches
        named = self.db.expand(frozenset(res.labels))
        out = []
        for m in matches:
            reading = OLD_PAGE_READINGS.get(m.claim.id)
            if (reading is None or date.year >= reading[1] or "IRA" not in named
                    or "EMPLOYER_PLAN" in named or "DEDUCT" not in m.condition.all
                    or reading[0] not in self.db.by_id):
                out.append(m)
                continue
            claim = self.db.by_id[reading[0]]
            verdict = claim.verdict or "outdated"
            message, says = claim_message(claim, verdict)
            out.append(Match(claim, m.condition, m.concepts, verdict, message, claim.rule,
                             claim.correction, m.steps, claim.citations, m.implied,
                             says=says))
        return out

    def _other_account(self, cand: Candidate, res: Resolution, matches: list[Match],
                       match: MatchFn) -> list[Match]:
        """A wrong amount whose plan the clause borrowed, re-read for another plan the page
        named earlier (:func:`other_accounts_reading`)."""
        if not res.steps:
            return matches  # (most clauses) it borrowed nothing
        borrowed = borrowed_accounts(res.steps, frozenset(self.db.expand(cand.labels)))
        if not borrowed:
            return matches
        named = [label for label, seen in self.context.seen.items()
                 if seen < self.context.sentence and label in SPECIFIC_ACCOUNTS]
        return other_accounts_reading(matches, set(res.labels), borrowed, named, match,
                                      lambda labels: frozenset(self.db.expand(labels)))

    def _wider(self, block: Block, cands: Sequence[Candidate], res: Resolution,
               stated: set[int], match: MatchFn) -> tuple[list[Match], Resolution]:
        """The clause's readings (:data:`.readings.READINGS`), in order: the first that
        matches."""
        at = Clause(block, res.cand, cands, stated, match)
        return first_reading(self, at, res)

    def _open_procedure(self, matches: list[Match], cand: Candidate, block: Block,
                        index: int) -> None:
        # (the heading level, the title and the line, worked out for the first match that
        # may open one: most clauses' matches open none)
        opening: tuple[int, frozenset[str], int] | None = None
        for m in matches:
            procedure = None
            if may_open(m, cand):
                if opening is None:
                    opening = (max(self.headings, default=0),
                               self.db.expand(frozenset(self.title)),
                               self.document.line_col(block.to_source(cand.start))[0])
                level, title, line = opening
                vocabulary = frozenset(c for cond in m.claim.when
                                       for c in (*cond.all, *cond.any))
                procedure = procedure_of(
                    m, cand, 0 if page_rule(vocabulary, title) else level, line,
                    frozenset(self.context.groups.get(TOPIC_GROUP, ())))
            if procedure is not None:
                self._announced(procedure, block, index)
                # (a list item under an open rule is a step of it, not a case of its own)
                fresh = self.procedure is None
                self._example_steps(procedure)
                if self.procedure is not None and _same_rule(self.procedure, procedure):
                    # the same abolished rule in other words (its Schedule A side after its
                    # close-every-IRA side): a step may speak of either
                    vocabulary = procedure.vocabulary | self.procedure.vocabulary
                    procedure = replace(procedure, vocabulary=vocabulary, aside=(
                        procedure.aside | self.procedure.aside) - vocabulary)
                self.procedure, self.opened_in = procedure, index
                self.case_item = fresh and (block.kind == "list_item" and not cand.imperative
                                            and not numbered(block.text, block.number)
                                            and not _TO_THE_READER.match(block.text))
            elif (self.procedure is not None and m.verdict == "accurate"
                  and m.claim.fact == self.procedure.claim.fact):
                self.procedure = None  # the article says the rule is gone: the steps end

    def _example_steps(self, procedure: Procedure) -> None:
        """The lines of the worked example read before it stated the abolished rule
        (:meth:`_example_ahead`) are steps of it when it is a deduction: they figure its
        loss (not a conversion's example, "Value of those shares — Before the drop:
        $50,000")."""
        ahead, self.example_ahead = self.example_ahead, []
        if "DEDUCT" not in procedure.vocabulary:
            return
        for index, block, cand, res in ahead:
            matches, stepped = as_step_of(cand, res, procedure, list_item=True)
            for m in matches:
                self._keep((m.claim.id, block.to_source(cand.sentence_start), None), index, block,
                           cand, m, stepped.steps)

    def _new_question(self, block: Block, cands: Sequence[Candidate]) -> None:
        """A reader's question ("Q: I have a $3,000 capital loss ...", "Q. What about losses
        in my brokerage account?") about another account or another kind of loss than the
        open procedure's, or one naming, besides a loss, only what its rule doesn't
        ("Question 2: Does the loss lower my bracket?"), opens a new subject, as a heading
        would: the procedure ends. A question about the rule itself ("Q. Can you give me an
        example?", "Q. What is my basis?") keeps it open."""
        asks = block.kind in ("paragraph", "list_item") and block.text.rstrip().endswith("?")
        if (self.procedure is None or block.kind not in ("paragraph", "list_item")
                or not (_READER_QUESTION.match(block.text) or asks)):
            return
        named = self.db.expand(frozenset().union(*(c.labels for c in cands)))
        if block.kind == "list_item" and block.number is not None:
            # an FAQ's numbered question that names, besides a loss, only what the rule
            # doesn't ("3. What exactly is a wash sale?" after the IRA-loss write-off) opens
            # a new subject, as a heading would
            rest = named - self.context.groups.get("loss", frozenset())
            if rest and not rest & self.db.expand(self.procedure.vocabulary):
                self.procedure = None
            return
        groups = self.context.groups_of(named)
        vocabulary = self.db.expand(self.procedure.vocabulary)
        if any(labels - vocabulary for g, labels in groups.items() if g in HOLDER_GROUPS):
            # (a question of the page's own about another account does too: "What if the
            # loss is in a taxable account instead?")
            self.procedure = None
        elif not _READER_QUESTION.match(block.text):
            return
        elif (rest := named - self.context.groups.get("loss", frozenset())) and not (
                rest & self.procedure.vocabulary):
            self.procedure = None  # besides a loss, it names only what the rule doesn't

    def _announced(self, procedure: Procedure, block: Block, index: int) -> None:
        """The clauses just before the sentence that states an abolished rule, in its block,
        that announce it ("There is one narrow route people sometimes take.") or begin its
        steps ("Roll the 401(k) into a traditional IRA.") state it too
        (:func:`ahead_of_rule`)."""
        for sentence, cand, res in self.ahead_of_rule:
            if self.context.sentence - sentence > AHEAD_WINDOW:
                continue
            matches, stepped = ahead_of_rule(cand, res, procedure, self.db.expand(res.labels))
            for m in matches:
                self._keep((m.claim.id, block.to_source(cand.sentence_start), None), index, block,
                           cand, m, stepped.steps)
        self.ahead_of_rule = []

    def _remember(self, block: Block, cand: Candidate, res: Resolution, is_title: bool) -> None:
        context = self.context
        self.undoes_contribution = undoes(cand.labels, self.undoes_contribution)
        if block.kind in HEADING_KINDS:
            kept = {label for label in res.labels - cand.labels
                    if not any(label in context.groups.get(g, ()) for g in SECTION_ONLY_GROUPS)}
            context.update(cand.labels | kept | res.referred)
        else:
            context.update((cand.labels - foils(cand)) | res.referred)
            context.forget_account_of_new_loss(cand)
            context.forget_loan_of_withdrawal(cand)
        if is_title:
            self.title.update(cand.labels)
            self.title_cells.update(self._lent(cand))
            self.ways = self.ways or bool(WAYS_TITLE.match(block.text))
        elif block.kind == "heading":
            self.headed = True
            self.heading.update(cand.labels)
            if _FIGURE_HEADING.match(block.text):
                self.heading_amounts.update(q.value for q in cand.quantities
                                            if q.kind == "usd")
            self.cell_heading.update(self._lent(cand))
        else:
            self._lead_topic(block, cand)
            # (sentence numbers only grow: what fell out of the window stays out)
            while self.recent and context.sentence - self.recent[0][0] > IMPLIED_WINDOW:
                del self.recent[0]
            self.item_amounts.update(q.value for q in cand.quantities if q.kind == "usd")
            self.recent.append((context.sentence, cand.labels,
                                block.kind == "list_item" or block.row is not None))


    def _lent(self, cand: Candidate) -> frozenset[str]:
        """What a heading's or title's clause lends the table cells and "Label: value" lines
        under it: all it names, but of a clause that names a belief ("Believing You're Too Old
        to Fund an IRA") or asks whether a rule holds ("Do we each get a $3,000 write-off?")
        only the things it names (the IRA, the loss), not the belief or the question. A
        question of what, when or how much ("When do your IRA withdrawals start?") asks for
        the value the cells give, and a title that promises an answer ("What You Can Write
        Off on Schedule A") asks nothing: they lend all they name."""
        if cand.attribution or (cand.question and cand.sentence.rstrip().endswith("?")
                                and not _WH_QUESTION.match(cand.text)):
            return frozenset().union(*self.context.groups_of(cand.labels).values())
        return cand.labels

    def _lead_topic(self, block: Block, cand: Candidate) -> None:
        """A title that names no topic ("Turning 70? Here's what the IRS wants from your IRA")
        takes the one topic a statement of the article's lead names, before its first
        heading ("... you have to pull a minimum amount out of your IRA every year"): the
        sections after it speak of that topic as a title's would ("The penalty is brutal")."""
        topics = self.context.groups.get(TOPIC_GROUP, frozenset())
        if (self.headed or self.lead_read or not self.title or self.title & topics
                or block.kind != "paragraph" or label_line(block) or block.row
                or cand.question or cand.attribution or not cand.assertive):
            return
        named = cand.labels & topics
        if named:
            # only the first clause of the lead that names a topic, and only one topic
            if len(named) == 1:
                self.title.update(named)
            self.lead_read = True


_TO_THE_READER = re.compile(r"^\W*(?:you|your|then|next|first|finally|step)\b", re.IGNORECASE)
"""A list item put to the reader ("You must empty every IRA ...", "Then ..."): a step, not one
case of a list of cases ("Grown children can ...", "Spouses may ...")."""


_MODAL = re.compile(r"\b(?:can|could|may|must|have\s+to|has\s+to|need\s+to|needs\s+to|"
                    r"lets?|allows?)\b", re.IGNORECASE)


def _without_case_facts(text: str, cand: Candidate, matches: list[Match]) -> list[Match]:
    """The set-up of a worked example ("Say you put in $8,000 of nondeductible money ... by
    the time you close every traditional IRA you own, the checks add up to just $5,500.")
    and the sentence right after it in its paragraph that goes on with the case ("You close
    out all your IRAs and receive $8,000 in total.") tell the case's facts: an abolished
    deduction they never name themselves (only borrowed) is not stated there; the line that
    figures the loss states it."""
    if not matches or "DEDUCT" in cand.labels or _MODAL.search(cand.text):
        return matches
    before = last_sentence(text[:cand.sentence_start]) if cand.sentence_start else None
    # (the sentence after the set-up goes on with the case only while it names nothing the
    # rule figures: "That $3,000 gap goes on Schedule A" states it)
    if not (scenario(cand) or (before is not None and _SET_UP.match(before)
                               and not _FIGURED & cand.labels)):
        return matches
    return [m for m in matches if m.verdict != "outdated" or m.claim.figure
            or "DEDUCT" not in m.implied]


_FIGURED = frozenset({"LOSS", "SCHEDULE_A", "MISC_ITEMIZED", "BELOW_BASIS"})
"""What a worked example's line names when it figures the rule, not the case's facts."""
_SET_UP = re.compile(r"^\W*(?:(?:now|and|so|then|next|but|or)\W+)?"
                     r"(?:say|suppose|imagine|assume|let(?:'|\u2019)?s\s+say)\b",
                     re.IGNORECASE)
"""A worked example's set-up sentence (as :func:`.retries.worked_examples.scenario`)."""


def _same_rule(open_: Procedure, new: Procedure) -> bool:
    """Two procedures state one rule: their claims share a fact of the fact sheet."""
    return bool({open_.claim.fact, *open_.claim.also_facts}
                & {new.claim.fact, *new.claim.also_facts})


def _beside_topics(block: Block, matches: list[Match]) -> list[Match]:
    """A heading that lists the page's topics (:func:`lists_topics`: "My first RMD, a Roth
    401(k) and Dad's IRA") states no rule of them: only its figures are checked."""
    if block.kind in HEADING_KINDS and lists_topics(block.text):
        return [m for m in matches if m.claim.figure]
    return matches


_SIGNED_LETTER = re.compile(
    r"\?[^?]{0,160}[\u2014\u2013]\s*[A-Z][\w'\u2019.-]*(?:[\s-]+[A-Za-z][\w'\u2019.-]*){0,3}"
    r"\s+(?:in|from|of)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}\W*$")
"""A reader's letter to an advice column, asking and signed with a pen name and a place
("... True? \u2014 Rory in Rye", "... Is she right? \u2014 Leaking in Lubbock")."""


def _reader_letter(block: Block) -> bool:
    """The block is a reader's letter (:data:`_SIGNED_LETTER`): its sentences, the reader's
    background too ("I also have a Roth IRA I opened in 2009."), are the reader's words."""
    return block.kind in ("paragraph", "quote") and _SIGNED_LETTER.search(block.text) is not None


def _asked_by_reader(block: Block, cand: Candidate) -> bool:
    """A sentence of a reader's question in a Q&A column ("Q. I left my last job at 53 and
    I'm 55 now. Does the exception kick in?", "Q: My IRA fell 18% and I'd like to write
    off the drop. Can I?"), before any answer's tag in the block: the reader's own case,
    belief or wish, which the answer takes up, not the column's claim."""
    if _reader_letter(block):
        return True
    if block.kind not in ("paragraph", "heading", "title") or not _READER_QUESTION.match(
            block.text):
        return False
    answer = _ANSWER_MARK.search(block.text, 2)
    return answer is None or cand.sentence_start < answer.start()


def stated_nothing(block: Block) -> bool:
    """A block of page furniture that a Markdown or HTML page keeps as text: where the post is
    filed ("**Filed under:** IRAs, Deductions · **Comments (14)**", "Tags: IRA losses") or a
    product disclosure ("Not FDIC insured · No bank guarantee · May lose value")."""
    return block.kind in ("paragraph", "quote") and (
        post_meta(block.text) or disclaimer(block.text))


def match_document(document: Document, candidates: list[list[Candidate]], db: ClaimDatabase,
                   tax_year: int, sentence_counts: list[int] | None = None) -> list[Finding]:
    """Return the findings of a document, given the candidates of each block.

    ``sentence_counts`` (sentences per block) lets pronouns' context expire after
    :data:`~taxcheck.matching.discourse.CONTEXT_WINDOW` sentences, counting sentences that
    state no claim too.

    A clause is checked as of the year it names, else the year its heading (or the
    title) names, else ``tax_year``; "next year" counts from the article's date.
    """
    walk = _Walk(document, candidates, db, tax_year)
    for index, (block, cands) in enumerate(zip(document.blocks, candidates, strict=True)):
        if block.kind == "furniture" and _RULE.match(block.text) and index and (
                document.blocks[index - 1].kind in HEADING_KINDS):
            continue  # a rule drawn under a heading ("----" below "1. TAKE YOUR RMD") keeps it
        if block.kind == "furniture" or _LINK_ROW.match(block.text) or stated_nothing(block):
            walk.end_section()
            continue
        if block.kind in ("byline", "dateline"):
            continue
        first = walk.context.sentence
        walk.block(index, block, cands)
        walk.context.sentence = first + (
            sentence_counts[index] if sentence_counts
            else 1 + max((c.sentence_index for c in cands), default=0))
        walk.asked = past_address(walk.asked, block.text, bool(cands), first,
                                  walk.context.sentence - 1) or walk.asked
    found = list(walk.findings.values())
    found += after_tax_conditions(document, candidates, found, db)
    found += told_mechanics(document, candidates, found, db)
    found += told_undo(document, candidates, found, db)
    found += told_rmd_age(document, candidates, found, db)
    found += worked_year_end(document, candidates, found, db)
    found += cutoff_follow_ons(document, candidates, found, db)
    found += amendment_steps(document, candidates, found, db)
    found = fixable_items(document, candidates, found, db)
    found += told_schedule_d(document, candidates, found, db)
    found += yearly_exceptions(document, candidates, found, db)
    found += dismissed_partial(document, candidates, found, db)
    return sorted(exception_follows(found, db), key=Finding.sort_key)
