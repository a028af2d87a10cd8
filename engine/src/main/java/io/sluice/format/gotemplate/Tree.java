package io.sluice.format.gotemplate;

/**
 * One named template of a file (the file itself, or a {@code define}/{@code block}): its nodes and how many variable
 * slots a call of it needs ({@code $} being slot 0).
 */
final class Tree
{
    final String name;
    final Node[] root;
    final int slots;

    Tree(final String name, final Node[] root, final int slots)
    {
        this.name = name;
        this.root = root;
        this.slots = slots;
    }
}
