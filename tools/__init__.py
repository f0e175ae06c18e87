"""Project tooling: build the notebooks, keep the learner's workspace, benchmark."""
