<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ParkTwin</source>
        <translation>关于 ParkTwin</translation>
    </message>
    <message>
        <source>window, 3D scene, translations</source>
        <translation>窗口、三维场景、界面翻译</translation>
    </message>
    <message>
        <source>historian files</source>
        <translation>历史库文件</translation>
    </message>
    <message>
        <source>public domain</source>
        <translation>公有领域</translation>
    </message>
    <message>
        <source>material and energy networks</source>
        <translation>物料与能源网络</translation>
    </message>
    <message>
        <source>park, tour and scenario files</source>
        <translation>园区、导览和情景文件</translation>
    </message>
    <message>
        <source>parktwin-cli command line</source>
        <translation>parktwin-cli 命令行</translation>
    </message>
    <message>
        <source>live data over MQTT</source>
        <translation>MQTT 实时数据</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>A 3D digital twin of an industrial park for park managers, investors and planners.</source>
        <translation>面向园区管理者、投资者和规划者的产业园区三维数字孪生。</translation>
    </message>
    <message>
        <source>Licensed under the Apache License, Version 2.0 (see LICENSE, or /usr/share/doc/parktwin/copyright when installed).</source>
        <translation>依据 Apache 许可证 2.0 版授权（见 LICENSE；安装后见 /usr/share/doc/parktwin/copyright）。</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>所用的库</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <source>Alarms (%1)</source>
        <translation>报警（%1）</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Open a replay or live feed to watch alarms</source>
        <translation>打开回放或实时数据以监视报警</translation>
    </message>
    <message>
        <source>No active alarms</source>
        <translation>无活动报警</translation>
    </message>
    <message>
        <source>%1 · %2 · since %3</source>
        <translation>%1 · %2 · 自 %3 起</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>已确认：%1</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Acknowledged by %1: %2</source>
        <translation>已由 %1 确认：%2</translation>
    </message>
</context>
<context>
    <name>AssetTreePanel</name>
    <message>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
</context>
<context>
    <name>Compass</name>
    <message>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <source>Click: north up</source>
        <translation>点击：正北朝上</translation>
    </message>
</context>
<context>
    <name>ConnectionsPart</name>
    <message>
        <source>Connections file</source>
        <translation>连接文件</translation>
    </message>
    <message>
        <source>Connections file (.json)</source>
        <translation>连接文件 (.json)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Values/s</source>
        <translation>值/秒</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Last values</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>Connections files (*.json)</source>
        <translation>连接文件 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <source>First error: %1</source>
        <translation>首个错误：%1</translation>
    </message>
    <message>
        <source>= %1 (from %2, stale)</source>
        <translation>= %1（来自 %2，已失效）</translation>
    </message>
    <message>
        <source>= %1 (from %2)</source>
        <translation>= %1（来自 %2）</translation>
    </message>
</context>
<context>
    <name>DataSourceDialog</name>
    <message>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Replay history</source>
        <translation>回放历史数据</translation>
    </message>
    <message>
        <source>Historian file (.db)</source>
        <translation>历史库文件（.db）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Live data (MQTT)</source>
        <translation>实时数据（MQTT）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>CA file (TLS)</source>
        <translation>CA 证书（TLS）</translation>
    </message>
    <message>
        <source>empty: no TLS</source>
        <translation>留空：不使用 TLS</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>记录到</translation>
    </message>
    <message>
        <source>historian file, optional</source>
        <translation>历史库文件，可选</translation>
    </message>
    <message>
        <source>Warning: without TLS the feed and the password cross the network unencrypted.</source>
        <translation>警告：未使用 TLS 时，数据和密码以明文在网络上传输。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Disconnect / close replay</source>
        <translation>断开 / 关闭回放</translation>
    </message>
    <message>
        <source>Historian files (*.db)</source>
        <translation>历史库文件 (*.db)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>MQTT broker</source>
        <translation>MQTT 代理</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
</context>
<context>
    <name>EditHistory</name>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Opened park</source>
        <translation>打开时的园区</translation>
    </message>
</context>
<context>
    <name>EditorPanel</name>
    <message>
        <source>Edit mode</source>
        <translation>编辑模式</translation>
    </message>
    <message>
        <source>Add building</source>
        <translation>添加建筑</translation>
    </message>
    <message>
        <source>Name (zh)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (en)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Width (m)</source>
        <translation>宽度（米）</translation>
    </message>
    <message>
        <source>Depth (m)</source>
        <translation>进深（米）</translation>
    </message>
    <message>
        <source>Height (m)</source>
        <translation>高度（米）</translation>
    </message>
    <message>
        <source>Rotation (°)</source>
        <translation>旋转（°）</translation>
    </message>
    <message>
        <source>Centre (m)</source>
        <translation>中心（米）</translation>
    </message>
    <message>
        <source>Duplicate (Ctrl+D)</source>
        <translation>复制（Ctrl+D）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Drag to move (1 m grid, edges and axes of other buildings; Shift: no snapping) · R / Shift+R: rotate 15° / 1°</source>
        <translation>拖动以移动（吸附 1 米网格及其他建筑的边和轴线；按住 Shift 不吸附）· R / Shift+R：旋转 15° / 1°</translation>
    </message>
    <message>
        <source>Overlapping on the ground (%1)</source>
        <translation>地面重叠（%1）</translation>
    </message>
    <message>
        <source>and %1 more (parktwin-cli check lists them all)</source>
        <translation>另有 %1 处（parktwin-cli check 会全部列出）</translation>
    </message>
</context>
<context>
    <name>EmptyParkHint</name>
    <message>
        <source>This park has no buildings yet</source>
        <translation>本园区还没有建筑</translation>
    </message>
    <message>
        <source>Edit → Add building: place one in the view</source>
        <translation>编辑 → 添加建筑：在视图中放一栋</translation>
    </message>
    <message>
        <source>File → Import GeoJSON…: footprints from a map</source>
        <translation>文件 → 导入 GeoJSON…：导入地图上的建筑轮廓</translation>
    </message>
    <message>
        <source>File → Open…: a park file</source>
        <translation>文件 → 打开…：打开园区文件</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export view as PNG</source>
        <translation>将视图导出为 PNG</translation>
    </message>
    <message>
        <source>Rendering %1 × %2…</source>
        <translation>正在渲染 %1 × %2…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Size (pixels)</source>
        <translation>尺寸（像素）</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open park</source>
        <translation>打开园区</translation>
    </message>
    <message>
        <source>Park files (*.park.json *.json)</source>
        <translation>园区文件 (*.park.json *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Save park as</source>
        <translation>园区另存为</translation>
    </message>
    <message>
        <source>%1 — %2 — ParkTwin</source>
        <translation>%1 — %2 — ParkTwin 园区数字孪生</translation>
    </message>
    <message>
        <source>Import GeoJSON</source>
        <translation>导入 GeoJSON</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson *.json)</source>
        <translation>GeoJSON 文件 (*.geojson *.json)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>New park</source>
        <translation>新建园区</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（文件不存在）</translation>
    </message>
    <message>
        <source>Remove missing files</source>
        <translation>移除不存在的文件</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Import GeoJSON…</source>
        <translation>导入 GeoJSON…</translation>
    </message>
    <message>
        <source>Present tour…</source>
        <translation>演示导览…</translation>
    </message>
</context>
<context>
    <name>FlowProblemBanner</name>
    <message>
        <source>The flows cannot be shown:</source>
        <translation>无法显示物料与能源流：</translation>
    </message>
</context>
<context>
    <name>FlowProblemText</name>
    <message>
        <source>Material: the park has no material links.</source>
        <translation>物料：园区没有物料连接。</translation>
    </message>
    <message>
        <source>Energy: the park has no energy links.</source>
        <translation>能源：园区没有能源连接。</translation>
    </message>
    <message>
        <source>Energy: no power source (no grid tie, PV, battery or hydro linked).</source>
        <translation>能源：没有电源（未连接并网点、光伏、储能或水电）。</translation>
    </message>
    <message>
        <source>Energy: nothing linked draws power.</source>
        <translation>能源：连接的对象都不用电。</translation>
    </message>
    <message>
        <source>Material: nothing supplies material (no supplier or producing line linked).</source>
        <translation>物料：没有物料来源（未连接供应商或生产线）。</translation>
    </message>
    <message>
        <source>Material: nothing takes the material (no market linked).</source>
        <translation>物料：物料没有去向（未连接市场）。</translation>
    </message>
</context>
<context>
    <name>FormCard</name>
    <message>
        <source>Add alarm rule</source>
        <translation>添加报警规则</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Click a building, line or machine group</source>
        <translation>点击建筑、产线或设备组查看详情</translation>
    </message>
    <message>
        <source>Live values</source>
        <translation>实时数值</translation>
    </message>
    <message>
        <source>Values at %1</source>
        <translation>%1 的数值</translation>
    </message>
    <message>
        <source>State, last hour</source>
        <translation>近一小时状态</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>stale: the source went offline</source>
        <translation>已失效：数据源已离线</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Industrial park</source>
        <translation>产业园区</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Utility</source>
        <translation>公用设施</translation>
    </message>
    <message>
        <source>External partner</source>
        <translation>园区外部节点</translation>
    </message>
    <message>
        <source>Production line</source>
        <translation>产线</translation>
    </message>
    <message>
        <source>Machine group</source>
        <translation>设备组</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Flow link</source>
        <translation>流向连线</translation>
    </message>
</context>
<context>
    <name>KpiLabel</name>
    <message>
        <source>Aluminium made (primary + recycled)</source>
        <translation>铝产量（原铝+再生铝）</translation>
    </message>
    <message>
        <source>Primary aluminium (potlines)</source>
        <translation>原铝（电解）</translation>
    </message>
    <message>
        <source>Recycled aluminium</source>
        <translation>再生铝</translation>
    </message>
    <message>
        <source>Processors&apos; good output</source>
        <translation>加工合格品</translation>
    </message>
    <message>
        <source>Molten metal supplied directly</source>
        <translation>铝液直供</translation>
    </message>
    <message>
        <source>Ingot remelted</source>
        <translation>铝锭重熔</translation>
    </message>
    <message>
        <source>Remelting cost (300 yuan/t)</source>
        <translation>重熔成本（300 元/吨）</translation>
    </message>
    <message>
        <source>Electricity used</source>
        <translation>用电量</translation>
    </message>
    <message>
        <source>Grid import</source>
        <translation>电网购电</translation>
    </message>
    <message>
        <source>Local generation used (PV, hydro)</source>
        <translation>本地发电自用（光伏、水电）</translation>
    </message>
    <message>
        <source>PV generation</source>
        <translation>光伏发电量</translation>
    </message>
    <message>
        <source>Energy self-sufficiency (PV and hydro used / park load)</source>
        <translation>能源自给率（光伏和水电自用 / 园区用电）</translation>
    </message>
    <message>
        <source>CO2 emissions</source>
        <translation>二氧化碳排放</translation>
    </message>
    <message>
        <source>Electricity cost (tariffs)</source>
        <translation>电费（按电价）</translation>
    </message>
    <message>
        <source>Operating cost (retrofitted firms)</source>
        <translation>运营成本（改造企业）</translation>
    </message>
    <message>
        <source>Total cost (electricity + remelting + operating)</source>
        <translation>总成本（电费+重熔+运营）</translation>
    </message>
    <message>
        <source>Overall equipment effectiveness (OEE)</source>
        <translation>设备综合效率 OEE</translation>
    </message>
    <message>
        <source>Electricity avoided vs the same tonnes of primary</source>
        <translation>再生铝较同量原铝节电</translation>
    </message>
    <message>
        <source>CO2 avoided vs the same tonnes of primary</source>
        <translation>再生铝较同量原铝减排</translation>
    </message>
    <message>
        <source>Retrofitted firms&apos; output</source>
        <translation>改造企业产量</translation>
    </message>
    <message>
        <source>Retrofitted firms&apos; electricity per tonne of their output</source>
        <translation>改造企业吨产品电耗（其用电 / 其产量）</translation>
    </message>
    <message>
        <source>Retrofitted firms&apos; operating cost per tonne of their output</source>
        <translation>改造企业吨产品运营成本</translation>
    </message>
    <message>
        <source>Pumped-storage support</source>
        <translation>抽水蓄能支援电量</translation>
    </message>
    <message>
        <source>Load shed (unserved energy)</source>
        <translation>限电损失电量</translation>
    </message>
    <message>
        <source>Line and transformer losses</source>
        <translation>线路和变压器损耗</translation>
    </message>
    <message>
        <source>Local supply (PV, storage, hydro)</source>
        <translation>本地电源供电（光伏、储能、水电）</translation>
    </message>
    <message>
        <source>Local supply share (PV, storage, hydro / all supply)</source>
        <translation>本地电源占比（光伏、储能、水电 / 总供电）</translation>
    </message>
    <message>
        <source>Material cost (links, remelt premium)</source>
        <translation>物料成本（物流、重熔溢价）</translation>
    </message>
    <message>
        <source>Cost (material links + electricity tariffs)</source>
        <translation>成本（物料+电费）</translation>
    </message>
    <message>
        <source>Remelting avoided (300 yuan/t of molten metal supplied)</source>
        <translation>避免重熔节约（铝液直供 300 元/吨）</translation>
    </message>
    <message>
        <source>Design capacity of its lines</source>
        <translation>产线设计产能</translation>
    </message>
    <message>
        <source>Units made (discrete lines)</source>
        <translation>产品件数（离散产线）</translation>
    </message>
    <message>
        <source>Electricity per tonne of aluminium made (park load / primary + recycled; parks with potlines)</source>
        <translation>吨铝电耗（园区用电 / 原铝+再生铝产量；有电解系列的园区）</translation>
    </message>
    <message>
        <source>Goods delivered per hour (to markets and end processors)</source>
        <translation>每小时交付货物（市场和终端加工线）</translation>
    </message>
    <message>
        <source>Goods delivered per year (to markets and end processors)</source>
        <translation>年交付货物（市场和终端加工线）</translation>
    </message>
    <message>
        <source>Material lost on links</source>
        <translation>链路物料损耗</translation>
    </message>
    <message>
        <source>Electricity per tonne delivered (park load / goods delivered to markets and end processors)</source>
        <translation>每吨交付货物电耗（园区用电 / 交付给市场和终端加工线的货物）</translation>
    </message>
    <message>
        <source>CO2 per tonne delivered (emissions / goods delivered)</source>
        <translation>每吨交付货物碳排放</translation>
    </message>
    <message>
        <source>Material received or made</source>
        <translation>流入或产出物料</translation>
    </message>
    <message>
        <source>Material received or made per hour</source>
        <translation>每小时流入或产出物料</translation>
    </message>
    <message>
        <source>Design capacity in units (discrete lines)</source>
        <translation>件数设计产能（离散产线）</translation>
    </message>
    <message>
        <source>Utilisation (material / design capacity)</source>
        <translation>产能利用率（物料 / 设计产能）</translation>
    </message>
    <message>
        <source>Energy per t of its material (its load / material it receives or makes)</source>
        <translation>每吨本身物料电耗（其用电 / 流入或产出物料）</translation>
    </message>
    <message>
        <source>Design capacity in units per year (discrete lines)</source>
        <translation>年件数设计产能（离散产线）</translation>
    </message>
    <message>
        <source>Processors&apos; output (all lines: a chain counts at each stage)</source>
        <translation>加工企业产量（各产线合计：链上每道工序都计入）</translation>
    </message>
</context>
<context>
    <name>KpiName</name>
    <message>
        <source>Aluminium made</source>
        <translation>铝产量</translation>
    </message>
    <message>
        <source>Primary aluminium</source>
        <translation>原铝</translation>
    </message>
    <message>
        <source>Remelting cost</source>
        <translation>重熔成本</translation>
    </message>
    <message>
        <source>Electricity per tonne of aluminium made</source>
        <translation>吨铝电耗</translation>
    </message>
    <message>
        <source>Local generation used</source>
        <translation>本地发电自用</translation>
    </message>
    <message>
        <source>Energy self-sufficiency</source>
        <translation>能源自给率</translation>
    </message>
    <message>
        <source>Electricity cost</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Operating cost</source>
        <translation>运营成本</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Overall equipment effectiveness</source>
        <translation>设备综合效率 OEE</translation>
    </message>
    <message>
        <source>Retrofitted firms&apos; electricity per tonne of their output</source>
        <translation>改造企业吨产品电耗</translation>
    </message>
    <message>
        <source>Load shed</source>
        <translation>限电损失电量</translation>
    </message>
    <message>
        <source>Electricity per tonne delivered</source>
        <translation>每吨交付货物电耗</translation>
    </message>
    <message>
        <source>Local supply</source>
        <translation>本地电源供电</translation>
    </message>
    <message>
        <source>Local supply share</source>
        <translation>本地电源占比</translation>
    </message>
    <message>
        <source>CO2 per tonne delivered</source>
        <translation>每吨交付货物碳排放</translation>
    </message>
    <message>
        <source>Material cost</source>
        <translation>物料成本</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Remelting avoided</source>
        <translation>避免重熔节约</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>产能利用率</translation>
    </message>
    <message>
        <source>Units made</source>
        <translation>产品件数</translation>
    </message>
    <message>
        <source>Goods delivered per hour</source>
        <translation>每小时交付货物</translation>
    </message>
    <message>
        <source>Goods delivered per year</source>
        <translation>年交付货物</translation>
    </message>
    <message>
        <source>Design capacity in units</source>
        <translation>件数设计产能</translation>
    </message>
    <message>
        <source>Energy per t of its material</source>
        <translation>每吨本身物料电耗</translation>
    </message>
    <message>
        <source>Design capacity in units per year</source>
        <translation>年件数设计产能</translation>
    </message>
    <message>
        <source>Processors&apos; output</source>
        <translation>加工企业产量</translation>
    </message>
</context>
<context>
    <name>KpiUnit</name>
    <message>
        <source>t</source>
        <translation>吨</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>kWh/t</source>
        <translation>kWh/吨</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>yuan/t</source>
        <translation>元/吨</translation>
    </message>
    <message>
        <source>t/h</source>
        <translation>吨/时</translation>
    </message>
    <message>
        <source>t/yr</source>
        <translation>吨/年</translation>
    </message>
    <message>
        <source>t/t</source>
        <translation>吨/吨</translation>
    </message>
    <message>
        <source>units</source>
        <translation>件</translation>
    </message>
    <message>
        <source>units/h</source>
        <translation>件/时</translation>
    </message>
    <message>
        <source>units/yr</source>
        <translation>件/年</translation>
    </message>
    <message>
        <source>pp</source>
        <translation>个百分点</translation>
    </message>
</context>
<context>
    <name>LaunchText</name>
    <message>
        <source>parktwin: --at expects ISO-8601, epoch seconds or ms, or hours after the start like 10h: %1</source>
        <translation>parktwin: --at 应为 ISO-8601 时间、纪元秒或毫秒，或开始后的小时数（如 10h）：%1</translation>
    </message>
    <message>
        <source>parktwin: --loop must be FROM-TO hours with FROM &lt; TO, got &quot;%1&quot;</source>
        <translation>parktwin: --loop 应为 FROM-TO 小时数，且 FROM &lt; TO，实际为“%1”</translation>
    </message>
    <message>
        <source>parktwin: scenario %1 is written for the park &quot;%2&quot;; open that park (--park %2) or leave --park out</source>
        <translation>parktwin: 情景 %1 是为园区“%2”编写的；请打开该园区（--park %2）或去掉 --park</translation>
    </message>
    <message>
        <source>parktwin: %1 is written for the park &quot;%2&quot;, which is neither bundled nor a park file beside the tour: give its park file with --park FILE</source>
        <translation>parktwin: %1 是为园区“%2”编写的，它既不是内置园区，导览旁也没有它的园区文件：请用 --park FILE 给出其园区文件</translation>
    </message>
    <message>
        <source>parktwin: %1 is written for the park &quot;%2&quot;, and several park files beside it are that park (%3): give one with --park FILE</source>
        <translation>parktwin: %1 是为园区“%2”编写的，导览旁有多个园区文件都是该园区（%3）：请用 --park FILE 指定其中之一</translation>
    </message>
    <message>
        <source>parktwin: --speed must be a multiple of real time from 0.1 to 10000, like 60, got &quot;%1&quot;</source>
        <translation>parktwin: --speed 应为真实时间的倍数，0.1 到 10000，如 60，实际为“%1”</translation>
    </message>
</context>
<context>
    <name>LinkForm</name>
    <message>
        <source>Material</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>能源载体</translation>
    </message>
    <message>
        <source>Capacity (t/h)</source>
        <translation>能力（吨/小时）</translation>
    </message>
    <message>
        <source>Capacity (kW)</source>
        <translation>能力（kW）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>添加连接</translation>
    </message>
    <message>
        <source>New link</source>
        <translation>新建连接</translation>
    </message>
</context>
<context>
    <name>LiveFeed</name>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Fit park</source>
        <translation>全园视图</translation>
    </message>
    <message>
        <source>The park file could not be loaded:</source>
        <translation>园区文件无法加载：</translation>
    </message>
    <message>
        <source>%1 building</source>
        <translation>%1 栋建筑</translation>
    </message>
    <message>
        <source>%1 buildings</source>
        <translation>%1 栋建筑</translation>
    </message>
    <message>
        <source>%1 enterprise</source>
        <translation>%1 家企业</translation>
    </message>
    <message>
        <source>%1 enterprises</source>
        <translation>%1 家企业</translation>
    </message>
    <message>
        <source>%1 line</source>
        <translation>%1 条产线</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 条产线</translation>
    </message>
    <message>
        <source>%1 machine</source>
        <translation>%1 台设备</translation>
    </message>
    <message>
        <source>%1 machines</source>
        <translation>%1 台设备</translation>
    </message>
    <message>
        <source>%1 tag</source>
        <translation>%1 个测点</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 个测点</translation>
    </message>
    <message>
        <source>No park loaded</source>
        <translation>未加载园区</translation>
    </message>
    <message>
        <source>Drag: rotate · Right-drag: pan · Wheel: zoom · F: fit</source>
        <translation>拖动：旋转 · 右键拖动：平移 · 滚轮：缩放 · F：全园</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Data…</source>
        <translation>数据…</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>物料与能源流</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Live data from %1 without TLS: the feed and the password cross the network unencrypted. Connect with a CA file (Data…) to encrypt it.</source>
        <translation>来自 %1 的实时数据未使用 TLS：数据和密码以明文在网络上传输。请在“数据…”中指定 CA 文件以加密连接。</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景分析</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>物料与能源平衡</translation>
    </message>
    <message>
        <source>Done editing</source>
        <translation>完成编辑</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
</context>
<context>
    <name>ModelProblems</name>
    <message>
        <source>3D models not loaded (drawn as boxes):</source>
        <translation>未能加载的三维模型（以方块显示）：</translation>
    </message>
    <message>
        <source>Hide until the model problems change</source>
        <translation>隐藏，直到模型问题有变化</translation>
    </message>
    <message numerus="yes">
        <source>+%n more (scroll)</source>
        <translation>
            <numerusform>还有 %n 条（滚动查看）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObjectFormCards</name>
    <message>
        <source>Enterprise %1</source>
        <translation>企业 %1</translation>
    </message>
    <message>
        <source>Name (zh | en)</source>
        <translation>名称（中 | 英）</translation>
    </message>
    <message>
        <source>Land area (mu)</source>
        <translation>占地 (亩)</translation>
    </message>
    <message>
        <source>Output (yuan/yr)</source>
        <translation>产值 (元/年)</translation>
    </message>
    <message>
        <source>Tax (yuan/yr)</source>
        <translation>税收 (元/年)</translation>
    </message>
    <message>
        <source>Above designated size</source>
        <translation>规模以上企业</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>产线 %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Capacity (t/yr)</source>
        <translation>产能 (t/年)</translation>
    </message>
    <message>
        <source>Capacity (units/h)</source>
        <translation>产能 (件/h)</translation>
    </message>
    <message>
        <source>Cycle time (s)</source>
        <translation>节拍 (s)</translation>
    </message>
    <message>
        <source>Specific energy (kWh/t)</source>
        <translation>单位能耗 (kWh/t)</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>功率 (kW)</translation>
    </message>
    <message>
        <source>Machine group %1</source>
        <translation>设备组 %1</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Pitch x (m)</source>
        <translation>间距 x (m)</translation>
    </message>
    <message>
        <source>Pitch y (m)</source>
        <translation>间距 y (m)</translation>
    </message>
    <message>
        <source>Grid offset x (m)</source>
        <translation>阵列偏移 x (m)</translation>
    </message>
    <message>
        <source>Grid offset y (m)</source>
        <translation>阵列偏移 y (m)</translation>
    </message>
    <message>
        <source>Machine width (m)</source>
        <translation>单机宽 (m)</translation>
    </message>
    <message>
        <source>Machine depth (m)</source>
        <translation>单机深 (m)</translation>
    </message>
    <message>
        <source>Machine height (m)</source>
        <translation>单机高 (m)</translation>
    </message>
    <message>
        <source>Power per machine (kW)</source>
        <translation>单机功率 (kW)</translation>
    </message>
    <message>
        <source>Utility %1</source>
        <translation>公用设施 %1</translation>
    </message>
    <message>
        <source>x (m)</source>
        <translation>x (m)</translation>
    </message>
    <message>
        <source>y (m)</source>
        <translation>y (m)</translation>
    </message>
    <message>
        <source>Storage (kWh)</source>
        <translation>储能容量 (kWh)</translation>
    </message>
    <message>
        <source>Yearly energy (kWh)</source>
        <translation>年发电量 (kWh)</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>规划中</translation>
    </message>
    <message>
        <source>External node %1</source>
        <translation>外部节点 %1</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>测点 %1</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Decimals (-1: the unit&apos;s)</source>
        <translation>小数位 (-1：按单位默认)</translation>
    </message>
    <message>
        <source>Alarm rule %1</source>
        <translation>报警规则 %1</translation>
    </message>
    <message>
        <source>Message (zh | en)</source>
        <translation>报警信息（中 | 英）</translation>
    </message>
    <message>
        <source>Above (tag unit)</source>
        <translation>高于 (测点单位)</translation>
    </message>
    <message>
        <source>Below (tag unit)</source>
        <translation>低于 (测点单位)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Park %1</source>
        <translation>园区 %1</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Latitude (°)</source>
        <translation>纬度（°）</translation>
    </message>
    <message>
        <source>Longitude (°)</source>
        <translation>经度（°）</translation>
    </message>
    <message>
        <source>Time zone (IANA)</source>
        <translation>时区（IANA）</translation>
    </message>
    <message>
        <source>Grid emission (t CO2/MWh)</source>
        <translation>电网排放因子（吨 CO2/MWh）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>运营企业</translation>
    </message>
</context>
<context>
    <name>ObjectFormsPanel</name>
    <message>
        <source>Objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Select an enterprise, line, machine group, utility or external node (asset tree or view) to edit it and its tags.</source>
        <translation>在资产树或三维视图中选择企业、产线、设备组、公用设施或外部节点，即可编辑它及其测点。</translation>
    </message>
</context>
<context>
    <name>ParkDifference</name>
    <message>
        <source>objects only on the server: %1</source>
        <translation>仅服务器有的对象：%1</translation>
    </message>
    <message>
        <source>tags only on the server (their values are not shown): %1</source>
        <translation>仅服务器有的测点（不显示其数值）：%1</translation>
    </message>
    <message>
        <source>objects only in this window: %1</source>
        <translation>仅本窗口有的对象：%1</translation>
    </message>
    <message>
        <source>tags only in this window (no values come for them): %1</source>
        <translation>仅本窗口有的测点（收不到数值）：%1</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等（另有 %2 个）</translation>
    </message>
    <message>
        <source>other values (sizes, names, power, rules) for: %1</source>
        <translation>数值不同（尺寸、名称、功率、规则）的项：%1</translation>
    </message>
    <message>
        <source>the park&apos;s own name, place or factors</source>
        <translation>园区本身的名称、位置或系数不同</translation>
    </message>
    <message>
        <source>This window&apos;s park file is not the one the server serves: %1.</source>
        <translation>本窗口的园区文件不是服务器所用的文件：%1。</translation>
    </message>
    <message>
        <source>This server serves another park, %1 (%2); this window shows %3 (%4). The values and alarms shown are the server&apos;s park&apos;s.</source>
        <translation>此服务器提供的是另一个园区：%1（%2）；本窗口显示的是%3（%4）。所显示的数值和报警属于服务器的园区。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ParkDropArea</name>
    <message>
        <source>Drop to open this park</source>
        <translation>松开鼠标即可打开此园区</translation>
    </message>
</context>
<context>
    <name>PresentationOverlay</name>
    <message>
        <source>Day</source>
        <translation>白天</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>夜景</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一站</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play tour</source>
        <translation>播放导览</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一站</translation>
    </message>
    <message>
        <source>Stop %1 of %2</source>
        <translation>第 %1 站，共 %2 站</translation>
    </message>
    <message>
        <source>No tour for this park</source>
        <translation>本园区没有导览</translation>
    </message>
    <message>
        <source>Exit presentation</source>
        <translation>退出演示</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>no such model file</source>
        <translation>模型文件不存在</translation>
    </message>
    <message>
        <source>cannot be loaded</source>
        <translation>无法加载</translation>
    </message>
    <message>
        <source>%1 triangles a machine, over %2 for the whole group: too heavy to draw</source>
        <translation>每台设备 %1 个三角形，整组超过 %2 个：过重，无法绘制</translation>
    </message>
    <message>
        <source>cannot be loaded: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n objects): %2</source>
        <translation>
            <numerusform>%1（%n 个对象）：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot be loaded: %1</source>
        <comment>the loader&apos;s own words, English</comment>
        <translation>无法加载（Qt 加载器的原话）：%1</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>The open park&apos;s file has these problems; it will not open again until they are fixed.</source>
        <translation>当前园区的文件有以下问题；修正之前无法再次打开。</translation>
    </message>
    <message>
        <source>This file was not opened; the park that was open stays open. Fix these and open it again.</source>
        <translation>此文件未打开，当前园区保持不变。请修正以下问题后再打开。</translation>
    </message>
    <message>
        <source>(whole file)</source>
        <translation>（整个文件）</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选中</translation>
    </message>
    <message>
        <source>The edited park has these problems (checked after every edit); fix or undo them before you save.</source>
        <translation>编辑后的园区有以下问题（每次编辑后都会校验）；请在保存前改正或撤销。</translation>
    </message>
    <message>
        <source>Import notes (%1)</source>
        <translation>导入说明（%1）</translation>
    </message>
    <message>
        <source>The import assumed these; the park is valid and saves as it is. Check them, then save.</source>
        <translation>导入时作了以下假定；园区有效，可以直接保存。请核对后保存。</translation>
    </message>
</context>
<context>
    <name>SankeyPanel</name>
    <message numerus="yes">
        <source>%n other(s)</source>
        <translation>
            <numerusform>其他 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Line and transformer losses</source>
        <translation>线路与变压器损耗</translation>
    </message>
    <message>
        <source>%1 (returned)</source>
        <translation>%1（回收）</translation>
    </message>
    <message>
        <source>%1 MW</source>
        <translation>%1 MW</translation>
    </message>
    <message>
        <source>%1 t/h</source>
        <translation>%1 吨/时</translation>
    </message>
    <message>
        <source>Material and energy balance</source>
        <translation>物料与能源平衡</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <source>Average hour of a year at design capacity · total %1</source>
        <translation>按设计产能的全年平均小时 · 合计 %1</translation>
    </message>
    <message>
        <source>The flows cannot be shown:</source>
        <translation>无法显示物料与能源流：</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
</context>
<context>
    <name>SaveWithProblemsDialog</name>
    <message>
        <source>The park has problems</source>
        <translation>园区存在问题</translation>
    </message>
    <message>
        <source>Problems that would be saved: %1. A park with problems does not open again until they are fixed:</source>
        <translation>将被保存的问题：%1 个。存在问题的园区在修正之前无法再次打开：</translation>
    </message>
    <message>
        <source>They are listed in Problems. Save anyway?</source>
        <translation>这些问题已列在“问题”面板中。仍要保存吗？</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SavedNote</name>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>ScaleBar</name>
    <message>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
</context>
<context>
    <name>ScenarioLegend</name>
    <message>
        <source>Baseline run: the scenario&apos;s changes are not in it</source>
        <translation>基准运行：不含情景中的变化</translation>
    </message>
    <message>
        <source>Scenario run: what it changes</source>
        <translation>情景运行：改变了什么</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>Open a scenario file</source>
        <translation>打开情景文件</translation>
    </message>
    <message>
        <source>Scenario files (*.json)</source>
        <translation>情景文件 (*.json)</translation>
    </message>
    <message>
        <source>What-if scenarios</source>
        <translation>假设情景</translation>
    </message>
    <message>
        <source>No scenarios for this park.</source>
        <translation>此园区没有情景。</translation>
    </message>
    <message>
        <source>Quick look: 3 days around the change</source>
        <translation>快速查看：变化前后 3 天</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Replay on the timeline:</source>
        <translation>在时间轴上回放：</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>无变化</translation>
    </message>
</context>
<context>
    <name>ServerParkBanner</name>
    <message>
        <source>Fetching the server&apos;s 3D models…</source>
        <translation>正在获取服务器的三维模型…</translation>
    </message>
    <message>
        <source>Use the server&apos;s park</source>
        <translation>改用服务器的园区</translation>
    </message>
</context>
<context>
    <name>ServerPart</name>
    <message>
        <source>ParkTwin server</source>
        <translation>ParkTwin 服务器</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>from the server&apos;s administrator</source>
        <translation>由服务器管理员提供</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Replay history</source>
        <translation>回放历史数据</translation>
    </message>
    <message>
        <source>CA file (https)</source>
        <translation>CA 文件（https）</translation>
    </message>
    <message>
        <source>empty: the certificates this computer trusts</source>
        <translation>留空：使用本机信任的证书</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>证书 (*.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ServerTls</name>
    <message>
        <source>CA file %1: %2</source>
        <translation>CA 文件 %1：%2</translation>
    </message>
    <message>
        <source>CA file %1: no certificate in it (expected PEM, -----BEGIN CERTIFICATE-----)</source>
        <translation>CA 文件 %1：其中没有证书（应为 PEM 格式，以 -----BEGIN CERTIFICATE----- 开头）</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (%1). Give the file of the certificate authority that signed it as the CA file, or add it to this computer&apos;s trusted certificates</source>
        <translation>服务器的证书不受信任（%1）。请把签发它的证书颁发机构的证书文件填为 CA 文件，或将其加入本机信任的证书</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (%1): it is not signed by the CA file %2</source>
        <translation>服务器的证书不受信任（%1）：它不是由 CA 文件 %2 签发的</translation>
    </message>
    <message>
        <source>the server&apos;s certificate was refused: %1</source>
        <translation>服务器的证书被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>ShapeToolsPanel</name>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Draw zone</source>
        <translation>绘制区域</translation>
    </message>
    <message>
        <source>Draw road</source>
        <translation>绘制道路</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Zone kind</source>
        <translation>区域类型</translation>
    </message>
    <message>
        <source>Road width (m)</source>
        <translation>道路宽度（米）</translation>
    </message>
    <message>
        <source>Click points on the ground (1 m grid; Shift: no snapping); double-click or Enter finishes, Esc cancels.</source>
        <translation>在地面上逐点单击（1 米网格；按住 Shift 不吸附）；双击或回车完成，Esc 取消。</translation>
    </message>
    <message>
        <source>Press on a line, building, utility or external and release on another.</source>
        <translation>在一条产线、建筑、公用设施或外部节点上按下，在另一个上松开。</translation>
    </message>
    <message>
        <source>Click a zone or road to select it; drag its handles to reshape it.</source>
        <translation>单击区域或道路以选中；拖动其控制点改变形状。</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>%1 m wide</source>
        <translation>宽 %1 米</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>TagValue</name>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>−1 min</source>
        <translation>−1 分钟</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 分钟</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>返回实时</translation>
    </message>
    <message>
        <source>Replay history</source>
        <translation>回放历史数据</translation>
    </message>
</context>
<context>
    <name>TourFileActions</name>
    <message>
        <source>Present tour</source>
        <translation>演示导览</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Tour files (*.json)</source>
        <translation>导览文件 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>This tour cannot be presented</source>
        <translation>无法演示此导览</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesDialog</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them first?</source>
        <translation>%1 有尚未保存的修改。先保存吗？</translation>
    </message>
    <message>
        <source>The new park</source>
        <translation>新园区</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Night mode</source>
        <translation>夜景模式</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>阴影</translation>
    </message>
    <message>
        <source>Plain look (fastest)</source>
        <translation>简洁外观（最快）</translation>
    </message>
    <message>
        <source>Renderer: %1</source>
        <translation>渲染器：%1</translation>
    </message>
</context>
<context>
    <name>ZoneRoadForm</name>
    <message>
        <source>Name (zh)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (en)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Zone kind</source>
        <translation>区域类型</translation>
    </message>
    <message>
        <source>Width (m)</source>
        <translation>宽度（米）</translation>
    </message>
</context>
<context>
    <name>parktwin::app::AlarmController</name>
    <message>
        <source>Acknowledged %1: %2</source>
        <translation>已确认 %1：%2</translation>
    </message>
    <message>
        <source>Your user (%1) may not acknowledge alarms; that needs the role %2</source>
        <translation>你的用户（%1）无权确认报警；这需要角色 %2</translation>
    </message>
</context>
<context>
    <name>parktwin::app::AssetTreeModel</name>
    <message>
        <source>Tenants of standard factories</source>
        <translation>标准厂房入驻企业</translation>
    </message>
    <message>
        <source>Shared buildings &amp; utilities</source>
        <translation>公共建筑与设施</translation>
    </message>
</context>
<context>
    <name>parktwin::app::ConnectionsController</name>
    <message>
        <source>Open a park first: the connections file maps tags of a park.</source>
        <translation>请先打开园区：连接文件映射的是园区的点位。</translation>
    </message>
    <message>
        <source>Gateway broker %1: %2</source>
        <translation>网关代理 %1：%2</translation>
    </message>
</context>
<context>
    <name>parktwin::app::LinkEditor</name>
    <message>
        <source>%1 t/h</source>
        <translation>%1 吨/小时</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
</context>
<context>
    <name>parktwin::app::ObjectForms</name>
    <message>
        <source>Add line</source>
        <translation>添加产线</translation>
    </message>
    <message>
        <source>Add machine group</source>
        <translation>添加设备组</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加测点</translation>
    </message>
    <message>
        <source>Add enterprise</source>
        <translation>添加企业</translation>
    </message>
    <message>
        <source>Add utility</source>
        <translation>添加公用设施</translation>
    </message>
    <message>
        <source>Add external node</source>
        <translation>添加外部节点</translation>
    </message>
</context>
<context>
    <name>parktwin::app::ParkDocument</name>
    <message>
        <source>--select %1: the park &quot;%2&quot; has no object with this id</source>
        <translation>--select %1：园区“%2”没有此编号的对象</translation>
    </message>
</context>
<context>
    <name>parktwin::app::ParkEditor</name>
    <message>
        <source>%1 and %2 overlap by %3 m</source>
        <translation>%1 与 %2 重叠 %3 米</translation>
    </message>
</context>
<context>
    <name>parktwin::app::ScenarioController</name>
    <message>
        <source>Quick look, %3 days: %1 – %2 (the full period gives other totals)</source>
        <translation>快速查看 %3 天：%1 – %2（完整周期的合计会不同）</translation>
    </message>
    <message>
        <source>Simulated %1 – %2 (%3 days)</source>
        <translation>模拟时段 %1 – %2（%3 天）</translation>
    </message>
    <message>
        <source>This scenario is written for the park &quot;%1&quot;: open that park first.</source>
        <translation>此情景针对园区“%1”，请先打开该园区。</translation>
    </message>
    <message>
        <source>Running baseline and scenario…</source>
        <translation>正在运行基准与情景…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation>完成，用时 %1 秒</translation>
    </message>
    <message>
        <source>t/h</source>
        <translation>吨/小时</translation>
    </message>
    <message>
        <source>MW</source>
        <translation>MW</translation>
    </message>
    <message>
        <source>yuan/h</source>
        <translation>元/小时</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>parktwin::app::SelectionController</name>
    <message>
        <source>running</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>changeover</source>
        <translation>换型</translation>
    </message>
    <message>
        <source>down</source>
        <translation>故障停机</translation>
    </message>
    <message>
        <source>starved of metal</source>
        <translation>待料（缺铝液）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>%1 km from the park&apos;s centre, drawn at its edge</source>
        <translation>距园区中心 %1 公里，画在园区边缘</translation>
    </message>
    <message>
        <source>Land area</source>
        <translation>用地面积</translation>
    </message>
    <message>
        <source>%1 mu</source>
        <translation>%1 亩</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业数</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑数</translation>
    </message>
    <message>
        <source>Production lines</source>
        <translation>产线数</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>设备数</translation>
    </message>
    <message>
        <source>Grid CO2 factor</source>
        <translation>电网碳排放因子</translation>
    </message>
    <message>
        <source>%1 t/MWh</source>
        <translation>%1 吨/MWh</translation>
    </message>
    <message>
        <source>t/h</source>
        <translation>吨/小时</translation>
    </message>
    <message>
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>能源载体</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>产能</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation>瓶颈</translation>
    </message>
    <message>
        <source>Yes: on the minimum cut</source>
        <translation>是：位于最小割上</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Footprint</source>
        <translation>占地</translation>
    </message>
    <message>
        <source>%1 m × %2 m</source>
        <translation>%1 米 × %2 米</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>Rooftop PV</source>
        <translation>屋顶光伏</translation>
    </message>
    <message>
        <source>%1 kWp</source>
        <translation>%1 kWp</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>规划中</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>运营企业</translation>
    </message>
    <message>
        <source>%1 t/yr</source>
        <translation>%1 吨/年</translation>
    </message>
    <message>
        <source>%1 units/h</source>
        <translation>%1 件/小时</translation>
    </message>
    <message>
        <source>Specific energy</source>
        <translation>单位能耗</translation>
    </message>
    <message>
        <source>%1 kWh/t</source>
        <translation>%1 kWh/吨</translation>
    </message>
    <message>
        <source>Rated power</source>
        <translation>额定功率</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>储能容量</translation>
    </message>
    <message>
        <source>%1 MWh</source>
        <translation>%1 MWh</translation>
    </message>
    <message>
        <source>Annual energy</source>
        <translation>年发电量</translation>
    </message>
    <message>
        <source>%1 GWh/yr</source>
        <translation>%1 GWh/年</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>台数</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>产值</translation>
    </message>
    <message>
        <source>%1 M yuan/yr</source>
        <translation>%1 百万元/年</translation>
    </message>
    <message>
        <source>Output per mu</source>
        <translation>亩均产值</translation>
    </message>
    <message>
        <source>%1 k yuan/mu</source>
        <translation>%1 千元/亩</translation>
    </message>
    <message>
        <source>Tax per mu</source>
        <translation>亩均税收</translation>
    </message>
    <message>
        <source>Above designated size</source>
        <translation>规模以上企业</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>产线</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 m</source>
        <translation>%1 × %2 × %3 米</translation>
    </message>
    <message>
        <source>Power each</source>
        <translation>单台功率</translation>
    </message>
    <message>
        <source>Energy (avg. year)</source>
        <translation>用电量（年均）</translation>
    </message>
    <message>
        <source>%1 MWh/yr</source>
        <translation>%1 MWh/年</translation>
    </message>
    <message>
        <source>CO2 (avg. year)</source>
        <translation>二氧化碳（年均）</translation>
    </message>
    <message>
        <source>Energy and transport cost</source>
        <translation>能源与运输成本</translation>
    </message>
    <message>
        <source>Molten aluminium direct</source>
        <translation>铝液直供</translation>
    </message>
    <message>
        <source>%1 t/yr, saves %2 M yuan</source>
        <translation>%1 吨/年，节省 %2 百万元</translation>
    </message>
    <message>
        <source>Material entering (avg. year)</source>
        <translation>流入物料（年均）</translation>
    </message>
    <message>
        <source>Material through (avg. year)</source>
        <translation>经过物料（年均）</translation>
    </message>
</context>
<context>
    <name>parktwin::app::ServerHistory</name>
    <message>
        <source>the server holds no samples yet</source>
        <translation>服务器上还没有样本</translation>
    </message>
</context>
<context>
    <name>parktwin::app::ServerLink</name>
    <message>
        <source>the server closed the live stream</source>
        <translation>服务器关闭了实时数据流</translation>
    </message>
    <message>
        <source>cannot reach the server: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>the server refused the token (401): %1</source>
        <translation>服务器拒绝了令牌 (401)：%1</translation>
    </message>
    <message>
        <source>the token&apos;s user may not do this (403): %1</source>
        <translation>该令牌的用户无权执行此操作 (403)：%1</translation>
    </message>
    <message>
        <source>not found on the server (404): %1</source>
        <translation>服务器上未找到 (404)：%1</translation>
    </message>
    <message>
        <source>the server answered %1: %2</source>
        <translation>服务器返回 %1：%2</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not JSON: %1</source>
        <translation>服务器的应答不是 JSON：%1</translation>
    </message>
</context>
<context>
    <name>parktwin::app::TimelineController</name>
    <message>
        <source>%1 is a CSV file, not a historian: import it first with parktwin-cli import %1 --park PARK --db %2, then replay %2</source>
        <translation>%1 是 CSV 文件，不是历史库：请先用 parktwin-cli import %1 --park PARK --db %2 导入，再回放 %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no samples</source>
        <translation>%1 中没有数据</translation>
    </message>
    <message>
        <source>Replaying %1</source>
        <translation>正在回放 %1</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>正在连接 %1</translation>
    </message>
    <message>
        <source>Reconnecting to %1 …</source>
        <translation>正在重新连接 %1 …</translation>
    </message>
    <message>
        <source>Recording to %1 has stopped: %2. Samples are kept in memory and retried.</source>
        <translation>写入 %1 的记录已停止：%2。数据暂存在内存中，将自动重试。</translation>
    </message>
    <message>
        <source>Cannot store the annotation: %1</source>
        <translation>无法保存标注：%1</translation>
    </message>
    <message>
        <source>Cannot store the annotation in %1</source>
        <translation>无法在 %1 中保存标注</translation>
    </message>
    <message>
        <source>%1: %2 · retrying</source>
        <translation>%1：%2 · 正在重试</translation>
    </message>
    <message>
        <source>Not a server address: %1 (expected http://HOST:PORT or https://HOST:PORT)</source>
        <translation>不是服务器地址：%1（应为 http://主机:端口 或 https://主机:端口）</translation>
    </message>
    <message>
        <source>Reading the history of %1 …</source>
        <translation>正在读取 %1 的历史 …</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Live: %1 · %2 msg/s · newest value %3 ago · %4 bad · %5 unknown tags</source>
        <translation>实时：%1 · %2 条/秒 · 最新数据 %3前 · %4 条错误 · %5 个未知测点</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>parktwin: --at %1 is outside the replay file, which holds %2 .. %3 in the park&apos;s time (%4; 0h .. %5h)</source>
        <translation>parktwin: --at %1 不在回放文件的时段内，文件的时段为 %2 .. %3（园区时间，%4；0h .. %5h）</translation>
    </message>
    <message>
        <source>Live: %1 · %2 values/s · newest value %3 ago · %4 bad · %5 unknown tags</source>
        <translation>实时：%1 · %2 个值/秒 · 最新数据 %3前 · %4 条错误 · %5 个未知测点</translation>
    </message>
</context>
<context>
    <name>parktwin::app::WindowImage</name>
    <message>
        <source>%1: no window to save</source>
        <translation>%1：没有可保存的窗口</translation>
    </message>
    <message>
        <source>No file name given</source>
        <translation>未指定文件名</translation>
    </message>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>%1: the view could not be rendered</source>
        <translation>%1：无法渲染视图</translation>
    </message>
    <message>
        <source>%1: could not be written</source>
        <translation>%1：无法写入</translation>
    </message>
</context>
</TS>
