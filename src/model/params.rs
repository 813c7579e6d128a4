//! The model's parameters (MODEL.md 2.9), their defaults, ranges and the per-scenario overrides.
//!
//! One table drives everything: the `Params` struct the engine reads, the `ParamOverrides` a
//! scenario file may set by name (`params: (reaction_k: 0.12)`), validation ranges, and the
//! parameter table in the documentation (`entente params`).

use serde::{Deserialize, Serialize};

/// Facts about one parameter, for validation, documentation and the UI.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamInfo {
    /// The name used in scenario files.
    pub name: &'static str,
    /// The symbol in MODEL.md.
    pub symbol: &'static str,
    /// The block of MODEL.md 2.9 it belongs to.
    pub block: &'static str,
    /// Default value.
    pub default: f64,
    /// Smallest accepted value.
    pub min: f64,
    /// Largest accepted value.
    pub max: f64,
    /// What it does, in one line.
    pub description: &'static str,
}

macro_rules! params {
    ($( $block:literal { $( $name:ident : $symbol:literal = $default:literal in $min:literal ..= $max:literal, $desc:literal; )* } )*) => {
        /// Every parameter of the model with its value for one run.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Params {
            $($(
                #[doc = $desc]
                pub $name: f64,
            )*)*
        }

        impl Default for Params {
            fn default() -> Self {
                Self { $($( $name: $default, )*)* }
            }
        }

        /// Parameters a scenario overrides by name; every field left out keeps its default.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct ParamOverrides {
            $($(
                #[doc = $desc]
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $name: Option<f64>,
            )*)*
        }

        /// The parameter table, in MODEL.md order.
        pub const PARAM_TABLE: &[ParamInfo] = &[
            $($( ParamInfo {
                name: stringify!($name),
                symbol: $symbol,
                block: $block,
                default: $default,
                min: $min,
                max: $max,
                description: $desc,
            }, )*)*
        ];

        impl ParamOverrides {
            /// Overrides the parameter named `name`; false if there is no such parameter.
            pub fn set(&mut self, name: &str, value: f64) -> bool {
                match name {
                    $($( stringify!($name) => self.$name = Some(value), )*)*
                    _ => return false,
                }
                true
            }

            /// The overridden parameters, in table order, as (name, value).
            pub fn set_values(&self) -> Vec<(&'static str, f64)> {
                let mut set = Vec::new();
                $($( if let Some(value) = self.$name { set.push((stringify!($name), value)); } )*)*
                set
            }
        }

        impl Params {
            /// The defaults with the scenario's overrides applied (values are validated elsewhere).
            pub fn with_overrides(overrides: &ParamOverrides) -> Self {
                let defaults = Self::default();
                Self { $($( $name: overrides.$name.unwrap_or(defaults.$name), )*)* }
            }

            /// The value of a parameter by its file name.
            pub fn get(&self, name: &str) -> Option<f64> {
                match name {
                    $($( stringify!($name) => Some(self.$name), )*)*
                    _ => None,
                }
            }
        }
    };
}

params! {
    "arms" {
        reaction_k: "k" = 0.10 in 0.0 ..= 1.0, "Richardson reaction (fear) coefficient, per tick";
        fatigue_a: "a" = 0.20 in 0.0 ..= 1.0, "Richardson fatigue and expense coefficient, per tick";
        effort_cap_share: "x_max" = 0.25 in 0.01 ..= 1.0, "war-economy cap on defence effort, as a share of the economy";
        strike_resolve: "γ_str" = 1.0 in 0.0 ..= 10.0, "rearmament resolve after being struck (× a·x at the strike)";
        strike_resolve_fade: "0.02" = 0.02 in 0.0 ..= 1.0, "per-tick fade of the rearmament resolve after a strike";
        cbm_ambition_cut: "γ_CBM" = 0.17 in 0.0 ..= 1.0, "share of arming ambition a CBM of strength 1 removes (model 2: 0.17, was 0.2; its end now undoes what it did)";
        free_riding: "ζ" = 0.0 in 0.0 ..= 1.0, "free riding of protected allies on threat perception (0 = off)";
    }
    "threat" {
        bloc_provocation: "φ_bloc" = 0.5 in 0.0 ..= 1.0, "how much a rival's alliance adds to perceived hostility";
        trust_threat_damping: "ψ_T" = 0.5 in 0.0 ..= 1.0, "how much trust lowers perceived threat";
        cbm_threat_damping: "ψ_C" = 0.5 in 0.0 ..= 1.0, "how much confidence-building lowers perceived threat";
        exercise_threat: "ε_ex" = 0.1 in 0.0 ..= 1.0, "threat from joint exercises a state holds with one's rivals";
        arms_trade_threat: "ε_arms" = 0.05 in 0.0 ..= 1.0, "threat from arms transfers to one's rivals";
    }
    "capability" {
        capability_depreciation: "δ_M" = 0.02 in 0.0 ..= 1.0, "per-tick depreciation of military capability";
        war_attrition: "ω_W" = 0.03 in 0.0 ..= 1.0, "capability lost per tick of full-intensity fighting";
    }
    "economy" {
        burden_threshold: "b̄" = 0.03 in 0.0 ..= 1.0, "defence burden above which the economy suffers";
        burden_drag: "η_B" = 0.10 in 0.0 ..= 1.0, "economic drag per unit of excess defence burden";
        war_drag: "η_W" = 0.03 in 0.0 ..= 1.0, "economic drag of interstate fighting";
        insurgency_drag: "η_N" = 0.02 in 0.0 ..= 1.0, "economic drag of armed groups above their baseline";
        instability_drag: "η_S" = 0.02 in 0.0 ..= 1.0, "economic drag of domestic instability below baseline";
        trade_gain: "η_T" = 0.002 in 0.0 ..= 1.0, "economic gain per unit of treaty trade";
        intervention_cost: "η_I" = 0.01 in 0.0 ..= 1.0, "economic cost of intervening, per unit of force ratio";
        economy_recovery: "ρ_E" = 0.04 in 0.0 ..= 1.0, "return of the detrended economy toward its level at load, from either side (not in the design; model 2: 0.04, both ways; see docs/MODEL.md)";
    }
    "relations" {
        relation_reversion: "ρ_R" = 0.04 in 0.0 ..= 1.0, "reversion of relations toward their structural value (model 2: 0.04, was 0.01; see docs/MODEL.md)";
        balance_pull: "β_bal" = 0.002 in 0.0 ..= 1.0, "structural balance: friend of a friend, enemy of an enemy (model 2: 0.002, was 0.03; see docs/MODEL.md, small gain)";
        balance_reach: "w_bal" = 0.02 in 0.0 ..= 1.0, "share of a pair's own ties at load (D_ab) that a common neighbour's balance term w_k·R_ak·R_bk must reach in size to draw two unrelated nations into a relation (not in the design; see docs/MODEL.md, deviation 15)";
        alliance_pull: "β_co" = 0.02 in 0.0 ..= 1.0, "warming between members of the same alliance";
        bloc_push: "β_bloc" = 0.002 in 0.0 ..= 1.0, "cooling toward members of a rival bloc (model 2: 0.002, was 0.02)";
        arms_push: "β_arms" = 0.002 in 0.0 ..= 1.0, "cooling caused by a rival's arms build-up since load, as perceived (model 2: 0.002, was 0.02)";
        trust_pull: "β_TR" = 0.005 in 0.0 ..= 1.0, "warming caused by trust above its structural value (model 2: 0.005, was 0.02)";
        ideology_push: "β_I" = 0.02 in 0.0 ..= 1.0, "cooling caused by ideological drift apart (model 2: 0.02, was 0.05)";
        war_push: "β_RW" = 0.10 in 0.0 ..= 1.0, "cooling caused by fighting";
    }
    "trust" {
        trust_reversion: "ρ_T" = 0.03 in 0.0 ..= 1.0, "reversion of trust toward its structural value (model 2: 0.03, was 0.01)";
        build_up_distrust: "c_TB" = 0.003 in 0.0 ..= 1.0, "trust lost per tick to a rival's build-up since load, as perceived (model 2; the design's 'hostile build-up')";
    }
    "legitimacy" {
        legitimacy_reversion: "ρ_L" = 0.02 in 0.0 ..= 1.0, "reversion of legitimacy toward its structural value";
        quagmire: "β_q" = 0.10 in 0.0 ..= 1.0, "legitimacy lost per unit of instability left in a target";
    }
    "capacity" {
        capacity_reversion: "ρ_G" = 0.05 in 0.0 ..= 1.0, "rebuilding of state capacity toward its structural value";
        capacity_insurgency: "κ_N" = 0.002 in 0.0 ..= 1.0, "capacity eroded by armed groups above baseline (model 2: 0.002; the design had 0.04, model 1 0.005)";
        capacity_war: "κ_W" = 0.05 in 0.0 ..= 1.0, "capacity eroded by fighting";
        capacity_peacekeeping: "κ_PK" = 0.02 in 0.0 ..= 1.0, "capacity built by consented peacekeeping";
        presence_substitution: "φ_P" = 0.8 in 0.0 ..= 1.0, "how far foreign presence substitutes for lost capacity";
    }
    "armed groups" {
        armed_groups_reversion: "ρ_N" = 0.02 in 0.0 ..= 1.0, "decline of armed groups toward their structural level";
        vacuum_recruitment: "ν_V" = 0.15 in 0.0 ..= 1.0, "armed-group growth from a power vacuum";
        grievance_recruitment: "ν_Γ" = 0.06 in 0.0 ..= 1.0, "armed-group growth from grievance above baseline";
        spillover: "ν_sp" = 0.05 in 0.0 ..= 1.0, "cross-border spillover of armed groups within a region";
        proxy_backing: "ν_px" = 0.08 in 0.0 ..= 1.0, "armed-group growth from foreign backing (counter-intervention)";
        proxy_lag: "τ_px" = 2.0 in 0.0 ..= 40.0, "ticks between an intervention's start and its counter-interveners' backing reaching the insurgents";
        suppression: "ν_sup" = 0.10 in 0.0 ..= 1.0, "suppression of armed groups by effective foreign presence";
    }
    "grievance" {
        grievance_reversion: "ρ_Γ" = 0.03 in 0.0 ..= 1.0, "fading of grievance toward its structural level";
        occupation_grievance: "γ_occ" = 0.08 in 0.0 ..= 1.0, "grievance from foreign presence seen as illegitimate";
        exclusion_grievance: "γ_ex" = 0.05 in 0.0 ..= 1.0, "grievance from dismantled institutions and excluded elites";
        war_grievance: "γ_W" = 0.05 in 0.0 ..= 1.0, "grievance from fighting";
    }
    "stability" {
        stability_reversion: "ρ_S" = 0.07 in 0.0 ..= 1.0, "reversion of domestic stability toward its structural value (model 2: 0.07, was 0.05; a lasting small driver leaves a smaller lasting offset)";
        stability_economy: "β_E" = 0.02 in 0.0 ..= 1.0, "stability driver: economic growth";
        stability_burden: "β_B" = 0.009 in 0.0 ..= 1.0, "stability driver: defence burden above the threshold (model 2: 0.009, was 0.03)";
        stability_capacity: "β_G" = 0.04 in 0.0 ..= 1.0, "stability driver: state capacity";
        stability_armed_groups: "β_N" = 0.10 in 0.0 ..= 1.0, "stability driver: armed groups";
        stability_grievance: "β_Γ" = 0.05 in 0.0 ..= 1.0, "stability driver: grievances";
        stability_war: "β_W" = 0.10 in 0.0 ..= 1.0, "stability driver: interstate fighting";
        stability_presence: "β_O" = 0.12 in 0.0 ..= 1.0, "stability driver: effective foreign security presence";
        stability_neighbourhood: "β_nb" = 0.025 in 0.0 ..= 1.0, "stability driver: neighbours' stability (model 2: 0.025, was 0.05; below ρ_S so unrest among neighbours in conflict fades)";
        neighbourhood_conflict: "c_nb" = 0.05 in 0.001 ..= 1.0, "rise of a neighbour's armed groups plus fighting at which its instability counts fully";
        stability_threat: "β_T" = 0.005 in 0.0 ..= 1.0, "stability driver: external threat (model 2: 0.005, was 0.02)";
        stability_alliance: "β_A" = 0.003 in 0.0 ..= 1.0, "stability driver: alliance reassurance (model 2: 0.003, was 0.01)";
        stability_legitimacy: "β_L" = 0.02 in 0.0 ..= 1.0, "stability driver: international standing";
    }
    "alliances" {
        commitment_adjustment: "ρ_ω" = 0.01 in 0.0 ..= 1.0, "per-tick return of a member's commitment toward its level at joining (model 2)";
        shared_threat: "κ_th" = 0.25 in 0.0 ..= 1.0, "commitment gained per tick per unit of shared threat above its level at joining (model 2: measured from joining, not from θ_req)";
        required_threat: "θ_req" = 0.25 in 0.0 ..= 1.0, "shared threat an alliance formed during a run needs to hold its members; below it, their commitment erodes";
        diverging_interests: "κ_div" = 0.02 in 0.0 ..= 1.0, "commitment lost per tick as members' interests diverge from their level at joining (model 2: 0.02, was 0.06)";
        institutionalisation: "κ_inst" = 0.01 in 0.0 ..= 1.0, "commitment gained per tick as an alliance matures";
        hegemonic_leadership: "κ_heg" = 0.01 in 0.0 ..= 1.0, "commitment gained per tick under a more dominant leader than at joining";
        other_camp_pull: "κ_fr" = 0.015 in 0.0 ..= 1.0, "commitment lost per tick by members pulled toward the other camp (model 2: 0.015, was 0.03)";
        leadership_shock: "κ_lead" = 0.6 in 0.0 ..= 1.0, "commitment shock of a leadership change";
        exit_commitment: "ω_exit" = 0.2 in 0.0 ..= 1.0, "commitment below which a member leaves (after 2 ticks)";
        break_cohesion: "C_break" = 0.2 in 0.0 ..= 1.0, "cohesion below which an alliance dissolves";
        exit_incentive: "z_exit" = 0.0 in -10.0 ..= 10.0, "switching incentive above which autonomous states leave";
    }
    "hazards" {
        attack_hazard: "h_int" = 0.02 in 0.0 ..= 1.0, "scale of the per-tick risk of interstate attack";
        relapse_hazard: "h_rel" = 0.05 in 0.0 ..= 1.0, "scale of the per-tick risk of civil-war relapse";
        arms_race_hazard: "ω_AR" = 1.0 in 0.0 ..= 10.0, "extra attack risk in an arms race";
        deterrence: "δ_det" = 0.5 in 0.0 ..= 1.0, "attack risk removed by allied deterrence";
        peacekeeping_effect: "pk_eff" = 0.40 in 0.0 ..= 1.0, "relapse risk removed by effective peacekeeping";
    }
    "war" {
        war_decay: "ρ_Wd" = 0.5 in 0.0 ..= 1.0, "per-tick decay of fighting intensity";
    }
    "index" {
        index_war: "κ_RW" = 0.3 in 0.0 ..= 1.0, "weight of fighting in the regional stability index";
        index_tension: "κ_RF" = 0.05 in 0.0 ..= 1.0, "weight of unbalanced triangles in the regional stability index";
    }
    "legality" {
        legality_unsc: "base(UNSC)" = 0.9 in 0.0 ..= 1.0, "legality of a UN Security Council mandate";
        legality_self_defence: "base(Art51)" = 0.6 in 0.0 ..= 1.0, "legality of a valid self-defence claim";
        legality_claimed_self_defence: "base(Art51, claimed)" = 0.1 in 0.0 ..= 1.0, "legality of an unsupported self-defence claim";
        legality_regional: "base(regional)" = 0.35 in 0.0 ..= 1.0, "legality of a regional organisation's mandate";
        legality_none: "base(none)" = 0.0 in 0.0 ..= 1.0, "legality of an intervention without a mandate";
        multilateral_bonus: "+0.15·m" = 0.15 in 0.0 ..= 1.0, "legality added by acting multilaterally";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_table_and_lie_in_range() {
        let params = Params::default();
        for info in PARAM_TABLE {
            assert_eq!(params.get(info.name), Some(info.default), "{}", info.name);
            assert!(
                info.min <= info.default && info.default <= info.max,
                "{}",
                info.name
            );
        }
    }

    #[test]
    fn overrides_replace_only_what_they_name() {
        let overrides = ParamOverrides {
            reaction_k: Some(0.12),
            ..ParamOverrides::default()
        };
        let params = Params::with_overrides(&overrides);
        assert_eq!(params.reaction_k, 0.12);
        assert_eq!(params.fatigue_a, 0.20);
        assert_eq!(overrides.set_values(), vec![("reaction_k", 0.12)]);
    }
}
