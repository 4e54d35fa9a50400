"""`relwatch extract` and `relwatch eval` as a user runs them (typer's runner, real files)."""

import json
from pathlib import Path

from typer.testing import CliRunner

from services.cli import app
from tests.conftest import GOLD

ROOT = Path(__file__).resolve().parents[3]
runner = CliRunner()


def test_extract_prints_json_lines_with_a_given_date(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Xi Jinping will meet Vladimir Putin in Samarkand on Thursday.", encoding="utf-8"
    )
    result = runner.invoke(app, ["extract", str(article), "--published", "2022-09-12"])
    assert result.exit_code == 0, result.output
    [event] = [json.loads(line) for line in result.output.splitlines()]
    assert (event["type"], event["actors"], event["date"], event["location"]) == (
        "meeting_announced",
        ["CHN", "RUS"],
        "2022-09-15",
        "Samarkand",
    )
    assert event["evidence"]["text"].startswith("Xi Jinping will meet")


def test_extract_reads_dates_from_the_seed_manifest() -> None:
    result = runner.invoke(app, ["extract", str(ROOT / "seeds" / "003_1951c980cb673525.txt")])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines()]
    assert {e["type"] for e in events} >= {"meeting_announced", "trade_target", "trade_volume"}


def test_extract_without_a_date_or_manifest_says_what_to_do(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Some text.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code != 0
    assert "--published" in result.output


def test_eval_json_on_the_seeds() -> None:
    result = runner.invoke(app, ["eval", str(GOLD), "--articles", str(ROOT / "seeds"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["micro"]["f1"] >= 0.9
    assert set(report["by_type"]) >= {"trade_target", "meeting_held", "sanctions_threatened"}


def test_eval_of_a_self_contained_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "a1",
                "published": "2023-03-21",
                "text": "Xi Jinping held talks with Vladimir Putin in Moscow on Monday.",
                "events": [
                    {
                        "type": "meeting_held",
                        "actors": ["CHN", "RUS"],
                        "location": "Moscow",
                        "date": "2023-03-20",
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", str(gold), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    assert '"tp": 1' in result.output


def test_eval_names_the_missing_field(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"article": "x.txt", "events": []}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold)])
    assert result.exit_code != 0
    assert "'id'" in result.output
    assert "--articles" in result.output
