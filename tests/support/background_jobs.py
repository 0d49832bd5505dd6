"""Runs many jobs through the kiosk's BackgroundRunner, as a long day at the kiosk does.

    python -m tests.support.background_jobs COUNT

Each job returns None or True (what many kiosk jobs return); prints the number of results
delivered on the GUI thread. A PySide6 that loses references across threads aborts here.
"""

import sys

from PySide6.QtCore import QCoreApplication

from ui.common.background import BackgroundRunner


def main() -> None:
    count = int(sys.argv[1])
    app = QCoreApplication([])
    runner = BackgroundRunner()
    delivered: list[object] = []
    for job in range(count):
        runner.run(lambda job=job: None if job % 2 else True, delivered.append, print)
    runner.wait()
    while len(delivered) < count:
        app.processEvents()
    print(len(delivered))


if __name__ == "__main__":
    main()
