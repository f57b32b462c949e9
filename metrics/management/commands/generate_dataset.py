from datetime import date, timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from metrics.demo_data import DEMO_SEED, DEMO_START, shape_for_rows, write_csv


class Command(BaseCommand):
    help = "Write the demo company's sales as a CSV: by date range (default to yesterday) or sized by --rows."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("output", type=Path)
        parser.add_argument("--start", type=date.fromisoformat, default=DEMO_START)
        parser.add_argument("--end", type=date.fromisoformat, help="Default: yesterday.")
        parser.add_argument("--rows", type=int, help="About this many rows (more products, ~3 years); overrides dates.")
        parser.add_argument("--seed", type=int, default=DEMO_SEED)

    def handle(self, *args: object, **options: object) -> None:
        start, end, products = options["start"], options["end"] or date.today() - timedelta(days=1), None
        if options["rows"]:
            days, products = shape_for_rows(options["rows"])
            end = start + timedelta(days=days - 1)
        if end < start:
            raise CommandError(f"The end ({end}) is before the start ({start}).")
        with options["output"].open("w", newline="", encoding="utf-8") as out:
            rows = write_csv(out, start=start, end=end, seed=options["seed"], products=products)
        self.stdout.write(f"Wrote {rows:,} rows ({start} to {end}) to {options['output']}.")
