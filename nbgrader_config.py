"""nbgrader configuration of the course.

`solutions/` holds the instructor notebooks (nbgrader's source), `course/` the student
versions that `make course` generates from them. In a classroom, run nbgrader from this
folder (or copy this file into your course root): see docs/instructor.md.
"""

c = get_config()  # noqa: F821 -- provided by nbgrader when it loads this file

c.CourseDirectory.course_id = "ml-vs-dl"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "course"
# Never copy the hand-edited notebook scripts (solutions/NN/NN.py hold the answers) or
# caches into the student version.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.py"]

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Training cells take longer than nbgrader's default 30 s per cell; every notebook is sized
# to run in about a minute in total, so this only stops a learner's endless loop.
c.Execute.timeout = 300
