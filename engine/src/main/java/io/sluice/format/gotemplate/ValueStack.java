package io.sluice.format.gotemplate;

/**
 * The executor's value cells, used as a stack: a template call reserves its variable slots, an evaluation pushes the
 * cells it needs and releases them when done. Cells are made once and reused for every event.
 */
final class ValueStack
{
    private Value[] cells = new Value[0];
    private int top;

    ValueStack()
    {
        grow(64);
    }

    int mark()
    {
        return top;
    }

    void release(final int mark)
    {
        top = mark;
    }

    Value push()
    {
        if (top == cells.length)
        {
            grow(cells.length * 2);
        }
        return cells[top++];
    }

    /**
     * @param count cells to reserve.
     * @return the index of the first.
     */
    int reserve(final int count)
    {
        final int base = top;
        for (int i = 0; i < count; i++)
        {
            push().setNil();
        }
        return base;
    }

    Value get(final int index)
    {
        return cells[index];
    }

    private void grow(final int size)
    {
        final Value[] grown = new Value[size];
        System.arraycopy(cells, 0, grown, 0, cells.length);
        for (int i = cells.length; i < size; i++)
        {
            grown[i] = new Value();
        }
        cells = grown;
    }
}
