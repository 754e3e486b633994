// Keeps the asset tree's open branches when its model is rebuilt (each edit rebuilds it, and a
// rebuilt model comes back with every branch closed): the ids of the open rows just before,
// opened again just after (those still there: another park opened keeps only same-id rows
// open, beside the first level AssetTreePanel opens).
import QtQuick

QtObject {
    id: root
    required property TreeView tree
    property var openIds: []

    function remember() {
        if (!tree) return
        const ids = []
        for (let row = 0; row < tree.rows; ++row) {
            if (tree.isExpanded(row)) ids.push(tree.model.objectIdAt(tree.modelIndex(Qt.point(0, row))))
        }
        openIds = ids
    }
    function restore() {
        if (!tree || !tree.model) return  // the window closed meanwhile
        for (const id of openIds) {  // parents come before their children: rows in tree order
            const index = tree.model.indexOfObject(id)
            if (!index.valid) continue  // deleted by the edit
            tree.expandToIndex(index)
            const row = tree.rowAtIndex(index)
            if (row >= 0) tree.expand(row)
        }
    }

    readonly property Connections modelWatcher: Connections {
        target: root.tree.model
        function onModelAboutToBeReset() { root.remember() }
        // Once the tree has taken the new model in (it hears the reset after this, or before).
        function onModelReset() { Qt.callLater(root.restore) }
    }
}
