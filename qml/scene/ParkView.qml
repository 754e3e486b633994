// The 3D park: ground, zones, roads, buildings, machines (instanced) and utilities, with an
// orbit camera (drag to rotate, right-drag or shift-drag to pan, wheel to zoom) and picking.
import QtQuick
import QtQuick3D
import ParkTwin
import "camera_fit.js" as CameraFit

Item {
    id: root
    property real yaw: -25
    property real pitch: 48
    property real distance: 1500
    property vector3d target: Qt.vector3d(0, 0, 0)
    property alias view: view
    property alias camera: camera
    readonly property alias machineModels: machineModels
    readonly property alias flowArcs: flowArcs
    // Bumped whenever the camera moves, so screen-space overlays re-project.
    property int cameraRevision: 0
    property bool showFlows: false
    property int renderMode: View3D.Underlay  // no texture to copy each frame; ExportWindow.qml says why it differs
    // Seconds, for the moving dashes of the flows (runs only while they are shown).
    property real flowClock: 0
    NumberAnimation on flowClock {
        from: 0; to: 3600; duration: 3600 * 1000
        loops: Animation.Infinite
        running: root.showFlows && !root.machinesOnly
    }
    // Benchmark only (--bench-machines-only): the machines without the park around them.
    property bool machinesOnly: false
    property var labelKeepOut: []  // items over the view from outside it (a tour's call-outs)
    property real noticeTop: 0  // the models notice starts below what lies over the view's top (banners)
    // Room the timeline takes at the bottom, for panels laid over the view.
    readonly property real timelineSpace: timelineBar.visible ? timelineBar.height + 24 : 0
    // Rows above the timeline that items laid over the view from outside cover (presentation's
    // tour controls): a fitted park is centred in what the user sees above them (QA4 Q13).
    property real coveredBottom: 0
    // The machines' instance table; a second window on the same park needs its own object.
    property QtObject machineTable: ParkController.scene.machines
    // Built, and showing data when a replay or live feed is open (or it gave none for a while).
    readonly property bool sceneReady: ParkController.loaded
        && buildingRepeater.count === ParkController.scene.buildings.length
        && !ParkController.timeline.awaitingValues
    signal objectPicked(string objectId)
    // The colours of the scenario marks, from the marks themselves (scene_style.cpp owns them).
    readonly property var markColors: ParkController.scenarios.marks.reduce((colors, m) => { colors[m.kind] = m.color; return colors }, ({}))

    onYawChanged: cameraRevision++
    onPitchChanged: cameraRevision++
    onDistanceChanged: cameraRevision++
    onTargetChanged: cameraRevision++
    onWidthChanged: { cameraRevision++; if (pendingFocus) flyTo(pendingFocus, true) }
    onHeightChanged: { cameraRevision++; if (pendingFocus) flyTo(pendingFocus, true) }

    function fitPark(immediate) {
        let points = ParkController.scene.outline
        for (let i = 0; i < buildingRepeater.count; ++i) {
            const building = buildingRepeater.objectAt(i)
            if (building) points = points.concat(building.modelCorners())
        }
        flyTo({position: ParkController.scene.center, radius: ParkController.scene.radius, points: points}, immediate)
    }
    // Flies to an object; a building drawn by its own model is framed by the model's bounds.
    function focusOn(objectId, immediate) {
        const focus = ParkController.selection.focusOf(objectId)
        const building = buildingDelegate(objectId)
        const corners = building ? building.modelCorners() : []
        if (corners.length > 0) focus.points = corners
        flyTo(focus, immediate)
    }
    // The scene's node for a building (BuildingModel), or null.
    function buildingDelegate(id) {
        for (let i = 0; i < buildingRepeater.count; ++i) {
            const building = buildingRepeater.objectAt(i)
            if (building && building.building.id === id) return building
        }
        return null
    }
    // A framing asked for before the view had a size: done again once it is laid out.
    property var pendingFocus: null
    function flyTo(focus, immediate) {
        if (!focus || focus.position === undefined) return
        flight.stop()
        pendingFocus = view.width > 0 && view.height > 0 ? null : focus
        const pose = focus.points !== undefined && focus.points.length > 0
                   ? CameraFit.fitPose(focus.points, focus.position, yaw, pitch, viewShape(), freeBand())
                   : {target: focus.position, distance: focus.radius * 1.9}
        pose.distance = Math.max(60, pose.distance)
        if (immediate) {
            target = pose.target
            distance = pose.distance
            return
        }
        targetAnimation.to = pose.target
        distanceAnimation.to = pose.distance
        flight.start()
    }
    function viewShape() {
        return {width: view.width > 0 ? view.width : 16, height: view.height > 0 ? view.height : 9,
                fovDeg: camera.fieldOfView}
    }
    // The rows of the view a fitted picture may use: 6 % margins, below the KPI bar and above
    // the timeline and what covers the view's bottom (coveredBottom) when they show.
    function freeBand() {
        const h = viewShape().height
        const top = Math.max(0.06 * h, kpiBar.visible ? kpiBar.y + kpiBar.height + 8 : 0)
        const aboveTimeline = h - (timelineBar.visible ? timelineSpace : 0)
        const bottom = Math.min(aboveTimeline - 0.06 * h, aboveTimeline - coveredBottom - 8)
        return bottom - top > 0.3 * h ? {top: top, bottom: bottom} : {top: 0.06 * h, bottom: 0.94 * h}
    }

    // The object under a view position: a machine (seen through its building's glass shell)
    // first, else the nearer of a building or utility and a flow arc.
    function objectAt(x, y) {
        const far = view.mapTo3DScene(Qt.vector3d(x, y, 1))
        const machine = ParkController.scene.pickMachineGroup(view.mapTo3DScene(Qt.vector3d(x, y, 0)), far)
        if (machine !== "") return machine
        const hit = view.pick(x, y)
        const hitId = hit.objectHit && hit.objectHit.objectId !== undefined ? hit.objectHit.objectId : ""
        // Flow arcs are instances, which Qt 6.4 does not pick: their table does (from the camera).
        const arc = flowArcs.pick(camera.scenePosition, far.minus(camera.scenePosition).normalized())
        if (arc.objectId !== undefined && (hitId === "" || arc.distance < hit.distance)) return arc.objectId
        return hitId
    }

    // Where each building's roof centre lands in window pixels (for tests and tours).
    function projectedBuildings() {
        const out = []
        for (const b of ParkController.scene.buildings) {
            const p = view.mapFrom3DScene(Qt.vector3d(b.position.x, b.size.y, b.position.z))
            const w = view.mapToItem(null, p.x, p.y)
            out.push({id: b.id, x: w.x, y: w.y, inFront: p.z > 0, planned: b.planned})
        }
        return out
    }
    // Level of detail for large parks (over 5,000 machines): when a typical machine's walls
    // would stand under 3 px high on screen, machines are drawn as their roofs (2 triangles
    // instead of 10); llvmpipe spends most of a 100k-machine frame setting up triangles.
    readonly property bool machineRoofsOnly: {
        const synthetic = ParkController.scene.syntheticMachines
        const count = Math.max(ParkController.scene.machines.count, synthetic.length)
        if (count <= 5000) return false
        const height = ParkController.scene.machines.count > 0 ? ParkController.scene.machines.typicalHeight : synthetic[0].scale.y * 100
        return height * Math.cos(pitch * Math.PI / 180) / metresPerPixel() < 3
    }

    // Metres per pixel at the orbit target, for the scale bar.
    function metresPerPixel() {
        return 2 * distance * Math.tan(camera.fieldOfView * Math.PI / 360) / Math.max(1, view.height)
    }

    // In presentation mode the tour drives the camera.
    Connections {
        target: ParkController.tour
        enabled: ParkController.presenting
        function onPoseChanged() {
            flight.stop()
            root.pendingFocus = null  // a framing waiting for the view's size must not undo the tour's pose
            root.target = ParkController.tour.target
            root.distance = ParkController.tour.distance
            root.yaw = ParkController.tour.yaw
            root.pitch = ParkController.tour.pitch
        }
    }

    // Stops a flight or turn: the user takes the camera.
    function stopMotion() {
        flight.stop()
        turn.stop()
    }

    // North up by the shorter way round.
    function turnNorthUp() {
        turn.stop()
        turn.to = Math.round(yaw / 360) * 360
        turn.start()
    }
    NumberAnimation { id: turn; target: root; property: "yaw"; duration: 500; easing.type: Easing.InOutCubic }

    ParallelAnimation {
        id: flight
        Vector3dAnimation { id: targetAnimation; target: root; property: "target"; duration: 700; easing.type: Easing.InOutCubic }
        NumberAnimation { id: distanceAnimation; target: root; property: "distance"; duration: 700; easing.type: Easing.InOutCubic }
    }

    View3D {
        id: view
        anchors.fill: parent
        camera: camera
        renderMode: root.renderMode
        environment: SceneEnvironment {
            backgroundMode: SceneEnvironment.Color
            clearColor: ViewState.night ? "#0c1426" : "#dce6ee"
            antialiasingMode: SceneEnvironment.NoAA
            antialiasingQuality: SceneEnvironment.Medium
        }

        Node {
            id: orbit
            position: root.target
            eulerRotation: Qt.vector3d(-root.pitch, root.yaw, 0)
            PerspectiveCamera {
                id: camera
                z: root.distance
                fieldOfView: 40
                clipNear: Math.max(1, root.distance / 200)
                clipFar: root.distance * 8 + 5000
            }
        }

        SceneLights {
            night: ViewState.night
            shadows: ViewState.shadows
            sceneRadius: ParkController.scene.radius
        }
        SkyDome {
            // Only when the horizon can be in the picture: otherwise Qt, sorting by centre,
            // may draw the dome's far side under the whole ground first (a full-screen pass).
            visible: !root.machinesOnly && !ViewState.plainLook && root.pitch - camera.fieldOfView / 2 < 3
            night: ViewState.night
            centre: root.target
            cameraDistance: root.distance
        }
        ParkGround {
            visible: !root.machinesOnly
            night: ViewState.night
            shadows: ViewState.shadows
            plain: ViewState.plainLook
            // The grain costs llvmpipe a texture lookup per pixel of the screen: GPUs only.
            grain: ViewState.gpu
        }
        StreetLights { visible: ViewState.night && !root.machinesOnly && !ViewState.plainLook }

        Repeater3D {
            id: buildingRepeater
            visible: !root.machinesOnly
            model: ParkController.scene.buildings
            BuildingModel {
                selected: ParkController.selection.building === building.id
                selectedInside: selected && ParkController.selection.objectId !== building.id
                // Before a run is replayed; then the marks of the scenario's run say what changed.
                highlighted: ParkController.scenarios.showing === "" && ParkController.scenarios.affectedBuildings.includes(building.id)
                mark: ParkController.scenarios.buildingMarks[building.id] || ""
                markColor: root.markColors[mark] || "transparent"
            }
        }

        // Every machine of the park in one instanced draw call.
        Model {
            geometry: MachineBoxGeometry {
                compact: ParkController.scene.machines.count > 5000
                roofOnly: root.machineRoofsOnly
            }
            instancing: root.machineTable
            castsShadows: false
            materials: DefaultMaterial {
                diffuseColor: "white"
                lighting: DefaultMaterial.NoLighting
                vertexColorsEnabled: true  // the box's baked shading
            }
        }
        MachineModels {
            id: machineModels
            visible: !root.machinesOnly
            camera: camera
            viewHeight: view.height
            revision: root.cameraRevision
        }
        FlowArcs {
            id: flowArcs
            visible: root.showFlows
            arcRows: root.showFlows ? ParkController.flows.arcRows : null
            clock: root.flowClock
        }

        // Benchmark baseline only: the same machines (mesh, material, size) as one Model each.
        MachineBoxGeometry {
            id: naiveBox
            compact: ParkController.scene.syntheticMachines.length > 5000
            roofOnly: root.machineRoofsOnly
        }
        Repeater3D {
            model: ParkController.scene.syntheticMachines
            Model {
                geometry: naiveBox
                position: modelData.position
                scale: modelData.scale
                materials: DefaultMaterial {
                    diffuseColor: modelData.color
                    lighting: DefaultMaterial.NoLighting
                    vertexColorsEnabled: true
                }
            }
        }

        // Alarm pins above the objects whose tags break a rule, one per place (none while presenting a replay).
        AlarmPins { id: alarmPins; camera: camera }

        ScenarioMarkPins { visible: !root.machinesOnly }

        // Ladles of molten aluminium on their way from the potlines to the processors.
        Repeater3D {
            model: ParkController.timeline.ladles
            Model {
                source: "#Sphere"
                position: Qt.vector3d(modelData.x, 4, -modelData.y)
                scale: Qt.vector3d(0.09, 0.09, 0.09)
                materials: PrincipledMaterial { baseColor: "#ff7a1a"; emissiveFactor: Qt.vector3d(0.9, 0.35, 0.05) }
            }
        }

        Repeater3D {
            visible: !root.machinesOnly
            model: ParkController.scene.utilities
            UtilityModel { selected: ParkController.selection.objectId === item.id }
        }
        Repeater3D {
            visible: !root.machinesOnly
            model: ParkController.scene.externals
            ExternalMarker { selected: ParkController.selection.objectId === item.id }
        }
    }

    ScenePointer {
        anchors.fill: parent
        scene: root
    }
    focus: true
    CameraKeys { id: cameraKeys; scene: root }
    Keys.onPressed: (event) => { event.accepted = cameraKeys.handle(event.key) }

    LabelLayer {
        objectName: "labelLayer"
        visible: !root.machinesOnly
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: timelineBar.visible ? timelineBar.y - 4 : parent.height
        view: view
        revision: root.cameraRevision  // a new park or language comes through its own labels property
        alarmPins: alarmPins
        // Filtered here so that one shown or hidden lays the labels out again.
        keepOut: [compass, kpiBar, flowProblem, scenarioLegend, modelProblems].concat(root.labelKeepOut).filter(o => o.visible)
    }
    Compass {
        id: compass
        objectName: "compass"
        visible: !ParkController.presenting
        anchors { right: parent.right; top: parent.top; margins: 14 }
        yaw: root.yaw
        onNorthUpRequested: root.turnNorthUp()
    }
    KpiBar {
        id: kpiBar
        objectName: "kpiBar"
        // A park whose flows cannot be solved (no origin of material, say) has no cards, no bar.
        visible: root.showFlows && !ParkController.presenting && count > 0
        // Beside the compass when the view is wide enough, else below it.
        readonly property bool roomBesideCompass: width + 2 * (compass.width + 28) <= root.width
        anchors { horizontalCenter: parent.horizontalCenter; top: parent.top }
        anchors.topMargin: roomBesideCompass ? 12 : compass.height + 24
    }
    FlowProblemBanner {
        id: flowProblem
        objectName: "flowProblem"
        visible: root.showFlows && !ParkController.presenting && ParkController.flows.problem !== ""
        anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: kpiBar.anchors.topMargin }
    }
    TimelineBar {
        id: timelineBar
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 12 }
    }
    ScenarioLegend {
        id: scenarioLegend
        objectName: "scenarioLegend"
        anchors { left: parent.left; bottom: scaleBar.top; margins: 14 }
    }
    ScaleBar {
        id: scaleBar
        visible: !ParkController.presenting
        anchors { left: parent.left; bottom: timelineBar.visible ? timelineBar.top : parent.bottom; margins: 14 }
        metresPerPixel: root.cameraRevision >= 0 ? root.metresPerPixel() : 1
    }
    EmptyParkHint { anchors.centerIn: parent }
    ModelProblems { id: modelProblems; anchors { left: parent.left; top: parent.top; margins: 14; topMargin: 14 + root.noticeTop } }
}
