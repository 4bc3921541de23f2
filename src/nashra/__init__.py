"""nashra (نشرة): an Arabic-first news platform."""

import os

# The tagger's matrix products are small (a few hundred rows): OpenBLAS's threads cost
# more than they save there, and double the CPU per article. One thread per process
# unless the environment says otherwise (set before numpy is first imported).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
