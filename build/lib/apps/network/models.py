# Meetings, municipalities, people and institutions arrive with the network issue.
