# The photo library arrives with the photo issue.
