"""The classroom's "put these in order" exercise at /order.

    /order?<filters>[&tour=...][&events=ID,ID,...][&n=8][&seed=N][&answer=ID,ID,...]

The cards are dealt and shuffled by dashboard/domain/order.py (the same for everyone with the same
link); assets/classroom.js lets a student drag them (mouse, touch) or move a focused card with the
arrow keys, announcing each move, and writes the order into the URL on Check (answer=). A URL with
an answer shows the graded result: nothing is stored on the server.
"""
