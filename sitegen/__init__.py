"""Build glue that turns the scripts in ``examples/`` into results on the site's pages.

Modules, in the order data flows through them:

- :mod:`sitegen.cells`: split an example script into named cells (no torch, no MkDocs).
- :mod:`sitegen.environment`: describe the interpreter, packages and device cheaply.
- :mod:`sitegen.cache`: cache keys and the stored results of one example run.
- :mod:`sitegen.execute`: the worker process that runs stale examples once per build.
- :mod:`sitegen.notebook`: the executed ``.ipynb`` and its rendered HTML view.
- :mod:`sitegen.render`: the Markdown that replaces an ``::: example`` line on a page.
- :mod:`sitegen.hooks`: the MkDocs hook that ties the above into a build.
- :mod:`sitegen.bench`: the build-time benchmark (a report, not a test).
"""
