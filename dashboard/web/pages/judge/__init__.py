"""The classroom's "which source do you trust?" exercise at /judge.

    /judge?<filters>                                  the disputed events of the view
    /judge?event=ID&<filters>[&trust=1,3&verdict=...]  one event's claims; with an answer, the result

The data side is dashboard/domain/judge.py. The answer lives in the URL; the verdict is shown as text.
"""
