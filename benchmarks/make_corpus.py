"""Write a deterministic synthetic corpus for benchmarks: N articles of about 900 words.

Each article is a plain-text (or, one in four, Markdown) personal-finance piece: a
title, a dateline, section headings and paragraphs of ordinary prose, with a handful of
tax claims (right and wrong) mixed in, the way real articles make them. The same
N and seed always give byte-identical files.

    python benchmarks/make_corpus.py OUT_DIR --articles 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

# Ordinary prose (written for this benchmark): budgeting, saving, markets, households.
PROSE = [
    "Most households feel a market slide long before they open a statement.",
    "The first instinct after a bad quarter is to do something, anything, with the money.",
    "A written plan makes that instinct easier to resist.",
    "Start by listing what you own, where it is held and what each account is for.",
    "An emergency fund of a few months of expenses keeps a job loss from becoming a crisis.",
    "Many readers told us they check their balances every morning during a downturn.",
    "That habit rarely leads to better decisions and often leads to worse ones.",
    "Diversification does not prevent losses, but it spreads them across many holdings.",
    "Rebalancing once a year is enough for most long-term savers.",
    "If your employer matches contributions, capturing the full match is usually the first step.",
    "Fees compound just like returns, only in the wrong direction.",
    "A low-cost index fund is a sensible default for money you will not touch for decades.",
    "Your time horizon matters more than the headlines of any single week.",
    "People who sold in a panic often missed the recovery that followed.",
    "Keep records of what you bought, when you bought it and what you paid.",
    "Statements from your plan administrator show contributions, earnings and fees.",
    "Talk to a qualified adviser before making a change you cannot undo.",
    "Paying down high-interest credit card debt is a guaranteed return.",
    "A budget is not a punishment; it is a map of where the money already goes.",
    "Automatic transfers on payday take willpower out of saving.",
    "Inflation quietly erodes cash that sits idle for years.",
    "Bond prices fall when interest rates rise, and they rise when rates fall.",
    "Stock markets have had many bad years, and many more good ones.",
    "Young savers have decades for their portfolios to recover from a slump.",
    "Retirees face a different problem: they may need to sell while prices are low.",
    "A cash bucket covering a year or two of spending can soften that problem.",
    "Target-date funds shift from stocks to bonds as the target year approaches.",
    "Check the beneficiary forms on every account at least once a year.",
    "A divorce, a birth or a death in the family is a good moment to review them.",
    "Health costs tend to rise faster than other expenses in retirement.",
    "Social Security benefits grow for each year you delay claiming, up to a point.",
    "Housing is the largest expense for most families, and the hardest to cut quickly.",
    "Some readers asked whether gold or crypto would have protected them.",
    "No single asset protects against every kind of trouble.",
    "Write down why you chose each investment, so you can judge it later on its own terms.",
    "The news cycle rewards drama; your portfolio rewards patience.",
    "Consider how much of your net worth depends on one employer.",
    "Company stock can feel familiar, which is not the same as safe.",
    "Small, steady contributions add up faster than most people expect.",
    "A raise is a good moment to increase the share of pay you save.",
    "Dollar-cost averaging means buying more shares when prices are low.",
    "Keep an eye on the expense ratio of every fund you hold.",
    "Your credit score affects the rate you pay on a mortgage or a car loan.",
    "Insurance exists to cover losses you could not absorb on your own.",
    "Review your spending after the holidays, when the bills arrive.",
    "Many banks now let you sort spending into categories automatically.",
    "The best plan is one you can stick with when markets are rough.",
    "Share your plan with a partner, so that decisions are made together.",
    "Saving for a child's education competes with saving for your own retirement.",
    "Lenders offer loans for college; nobody offers a loan for retirement.",
    "A financial checkup each spring catches problems before they grow.",
    "Write to us with your questions and we may answer them in a future column.",
]

# Claim sentences (our own wording) that the claim database decides, right and wrong.
CLAIMS = [
    "You can deduct your 401(k) losses on your tax return.",
    "Losses inside your IRA are not deductible.",
    "If you have a traditional IRA, you can roll over your 401k losses into the IRA.",
    "Rolling a 401(k) into an IRA does not carry any loss with it.",
    "Use your 403(b) losses to offset capital gains from selling stock.",
    "Losses inside a 401(k) cannot offset capital gains.",
    "File an amended return to claim the loss in your IRA.",
    "You cannot amend your return to claim 401(k) losses.",
    "Unfortunately, the IRS does not allow you to write off losses in a retirement account.",
    "A decline in your Roth IRA can be netted against gains elsewhere.",
    "A common myth is that you can deduct losses in your 401(k).",
    "Capital losses in a brokerage account can offset capital gains.",
    "For 2025, the 401(k) contribution limit is $23,500.",
    "The 2026 limit on 401(k) deferrals is $24,500.",
    "Savers 50 and older can add a catch-up contribution of $7,500 in 2025.",
]

HEADINGS = ["What Happened", "What You Can Do", "The Tax Angle", "A Closer Look",
            "Common Questions", "The Bottom Line", "Before You Act", "What Experts Say",
            "Next Steps", "Why It Matters"]
TITLES = ["What a Down Market Means for Your Savings", "Your Retirement Account After a Slump",
          "Five Questions About Investment Losses", "A Calm Guide to Volatile Markets",
          "Year-End Money Moves to Consider", "How to Read Your Account Statement",
          "Saving Through the Ups and Downs", "The Reader Mailbag: Losses and Limits"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TARGET_WORDS = 900


def article(rng: random.Random, number: int, markdown: bool) -> str:
    """One article of about 900 words."""
    title = f"{rng.choice(TITLES)} (No. {number})"
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.choice([2024, 2025, 2026])}"
    lines = [f"# {title}" if markdown else title, "", f"Updated {date}", ""]
    words = 0
    claims = rng.sample(CLAIMS, k=6)
    headings = rng.sample(HEADINGS, k=len(HEADINGS))
    while words < TARGET_WORDS:
        heading = headings[len(lines) % len(headings)]
        lines += [f"## {heading}" if markdown else heading, ""]
        for _ in range(rng.randint(2, 4)):
            sentences = rng.sample(PROSE, k=rng.randint(3, 6))
            if claims and rng.random() < 0.5:
                sentences.insert(rng.randrange(len(sentences) + 1), claims.pop())
            paragraph = " ".join(sentences)
            words += len(paragraph.split())
            lines += [paragraph, ""]
    return "\n".join(lines)


def write_corpus(out: Path, articles: int, seed: int = 7) -> list[Path]:
    """Write ``articles`` files into ``out`` (created); return their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, articles + 1):
        markdown = number % 4 == 0
        path = out / f"article-{number:05d}.{'md' if markdown else 'txt'}"
        path.write_text(article(rng, number, markdown), encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl(out: Path, articles: int, seed: int = 7) -> Path:
    """Write the same kind of articles as one JSON Lines file ``out`` (one record each:
    id, title, date and the text without its title line)."""
    rng = random.Random(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for number in range(1, articles + 1):
            lines = article(rng, number, number % 4 == 0).split("\n")
            record = {"id": f"a{number:06d}", "title": lines[0].lstrip("# "),
                      "date": f"{2024 + number % 3}-0{1 + number % 9}-1{number % 10}",
                      "text": "\n".join(lines[2:])}
            handle.write(json.dumps(record) + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jsonl", action="store_true",
                        help="write one JSON Lines file OUT instead of a folder of files")
    args = parser.parse_args()
    if args.jsonl:
        write_jsonl(args.out, args.articles, args.seed)
        print(f"wrote {args.articles} records to {args.out}")
        return
    paths = write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
