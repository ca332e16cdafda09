package cn.linkage.connectors.simulator;

import java.util.List;

/**
 * Matters a simulated 12345 desk hands to 110, taken from list L1 of the Pingliang plan's diversion
 * list (attachment 1), with the targets the plan names.
 */
final class SampleMatters {

    record Matter(String requestType, String requestItem, String description, List<String> targets) {
    }

    static final List<Matter> L1 = List.of(
            new Matter("行政(治安)类", "侵犯人身权利", "来电人称在小区门口被人殴打", List.of("110")),
            new Matter("行政(治安)类", "侵犯财产权利", "电动车在楼下被盗", List.of("110")),
            new Matter("行政(治安)类", "扰乱公共秩序", "有人在广场持续寻衅滋事", List.of("110")),
            new Matter("道路交通类", "交通事故", "十字路口两车相撞，有人受伤", List.of("122", "110")),
            new Matter("道路交通类", "交通秩序", "路口车辆拥堵，无人疏导", List.of("122", "110")),
            new Matter("刑事类", "侵犯财产权利", "接到冒充公检法的诈骗电话并已转账", List.of("110")),
            new Matter("其他类", "恶意骚扰", "有人反复醉酒滋扰邻居", List.of("110")));

    private SampleMatters() {
    }
}
