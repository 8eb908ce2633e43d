"""Dated scrape folders on a schedule: one ``DayTask`` per day, run by Luigi's ``RangeDaily``.

Scrapes land in dated folders (``scrapes/2024-07-13/...``). ``DayTask(date, input_template,
output_root)`` cleans the day's folder ``input_template.format(date=date)`` into
``output_root/<YYYY-MM-DD>/`` through :class:`pipeline.tasks.WriteOutputs` (the whole pipeline,
not a copy of it), then writes ``.work/day.done``. A day whose folder does not exist (yet) is an
unfulfilled :class:`DayFolder` (an external task): Luigi reports it as missing data (exit code
``[retcode] missing_data`` = 4), not as a failure, and a later run picks the day up.

``luigi --module pipeline.tasks RangeDaily --of DayTask --start 2024-07-01 --of-params '{...}'``
runs every day still missing, backfills included; :meth:`DayTask.bulk_complete` answers for the
whole range with one ``stat`` per day, so finished days cost nothing. A day is finished once its
``day.done`` exists: pages added to a past day's folder later are picked up by
``reinschrift run`` on that day (or by deleting ``OUT/<day>/.work/day.done``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

import luigi

from pipeline.tasks import WORK_DIR, WriteOutputs
from pipeline.write import atomic_write

DAY_DONE = "day.done"


def day_folder(template: str, date: dt.date) -> str:
    """The day's input folder: ``template`` with ``{date:%Y-%m-%d}`` (any strftime format) filled in.

    >>> day_folder("scrapes/{date:%Y-%m-%d}", dt.date(2024, 7, 13))
    'scrapes/2024-07-13'
    >>> day_folder("crawl/{date:%Y/%m/%d}/html", dt.date(2024, 7, 3))
    'crawl/2024/07/03/html'
    """
    return template.format(date=date)


class DayFolder(luigi.ExternalTask):
    """A day's scrape folder, written by the crawler: complete when it exists."""

    path = luigi.Parameter()

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(self.path)


class DayTask(luigi.Task):
    """Clean one day's scrape folder into ``output_root/<day>/`` (see the module's docstring)."""

    date = luigi.DateParameter(description="the day (its folder comes from input_template)")
    input_template = luigi.Parameter(description="the day's folder, e.g. scrapes/{date:%Y-%m-%d}")
    output_root = luigi.Parameter(description="outputs go to OUTPUT_ROOT/<YYYY-MM-DD>/")
    config_file = luigi.Parameter(default="", description="a user config merged over config/")
    jsonl_html_field = luigi.Parameter(default="", description="read *.jsonl files as pages: the field with the HTML")
    jsonl_url_field = luigi.Parameter(default="", description="... and the field with the page's URL")

    def requires(self) -> list[luigi.Task]:
        folder = DayFolder(path=self.input_dir)
        if not folder.complete():
            return [folder]  # missing input: nothing below may look at the folder
        return [folder, WriteOutputs(input_dir=self.input_dir, output_dir=self.output_dir,
                                     config_file=self.config_file, jsonl_html_field=self.jsonl_html_field,
                                     jsonl_url_field=self.jsonl_url_field)]

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(Path(self.output_dir) / WORK_DIR / DAY_DONE))

    def run(self) -> None:
        atomic_write(self.output().path, f"{self.date.isoformat()} {self.input_dir}\n")

    @property
    def input_dir(self) -> str:
        return os.path.abspath(day_folder(self.input_template, self.date))

    @property
    def output_dir(self) -> str:
        return os.path.abspath(os.path.join(self.output_root, self.date.isoformat()))

    @classmethod
    def bulk_complete(cls, parameter_tuples: Iterable[dt.date]) -> list[dt.date]:
        """The finished days of a range: one ``stat`` per day, no folder walk.

        ``cls`` is ``DayTask`` with RangeDaily's ``--of-params`` bound (a functools.partial).
        """
        return [date for date in parameter_tuples if os.path.exists(cls(date).output().path)]
