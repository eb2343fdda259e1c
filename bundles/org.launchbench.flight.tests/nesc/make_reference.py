#!/usr/bin/env python3
"""Build reference.csv / spread.csv / spread table from transcribed NASA NESC rows.
Usage: make_ref.py CASE OUTDIR [--exclude SIM:QTY[@t],...]"""
import csv, glob, json, math, os, sys, statistics
FT = 0.3048; RHO = 515.3788
# NASA's CSVs (nasa/simupy-flight, NESC_data/Atmospheric_checkcases/*/Atmos_NN_sim_MM.csv) in one folder
RAW = os.environ.get('NESC_RAW', 'raw')
Q = [  # name, source column, factor, kind
 ('latitude_deg','latitude_deg',1,'ang'), ('longitude_deg','longitude_deg',1,'ang'),
 ('altitude_m','altitudeMsl_ft',FT,'lin'),
 ('v_north_m_s','feVelocity_ft_s_X',FT,'lin'),('v_east_m_s','feVelocity_ft_s_Y',FT,'lin'),('v_down_m_s','feVelocity_ft_s_Z',FT,'lin'),
 ('roll_deg','eulerAngle_deg_Roll',1,'ang'),('pitch_deg','eulerAngle_deg_Pitch',1,'ang'),('yaw_deg','eulerAngle_deg_Yaw',1,'ang'),
 ('p_deg_s','bodyAngularRateWrtEi_deg_s_Roll',1,'lin'),('q_deg_s','bodyAngularRateWrtEi_deg_s_Pitch',1,'lin'),('r_deg_s','bodyAngularRateWrtEi_deg_s_Yaw',1,'lin'),
 ('x_ecef_m','gePosition_ft_X',FT,'lin'),('y_ecef_m','gePosition_ft_Y',FT,'lin'),('z_ecef_m','gePosition_ft_Z',FT,'lin'),
 ('air_density_kg_m3','airDensity_slug_ft3',RHO,'lin')]
FMT = {'latitude_deg':'%.12f','longitude_deg':'%.12f','altitude_m':'%.5f','v_north_m_s':'%.6f','v_east_m_s':'%.6f','v_down_m_s':'%.6f',
 'roll_deg':'%.8f','pitch_deg':'%.8f','yaw_deg':'%.8f','p_deg_s':'%.10f','q_deg_s':'%.10f','r_deg_s':'%.10f',
 'x_ecef_m':'%.4f','y_ecef_m':'%.4f','z_ecef_m':'%.4f','air_density_kg_m3':'%.8e'}
TIMES = [i*0.5 for i in range(61)]
def wrap(a): return a if -180.0 <= a < 180.0 else (a+180.0)%360.0-180.0
def load(case):
    sims = {}
    for p in sorted(glob.glob(f'{RAW}/Atmos_{case}_sim_*.csv')):
        sim = p[-6:-4]
        rows = list(csv.reader(open(p)))
        h = rows[0]; d = {}
        for r in rows[1:]:
            t = float(r[0]); k = round(t*2)/2
            if abs(t-k) < 1e-6: d[k] = dict(zip(h, r))
        sims[sim] = d
    return sims
def main():
    case, out = sys.argv[1], sys.argv[2]
    excl = set(); ref_excl = set()
    for a in sys.argv[3:]:
        if a.startswith('--exclude='):   # excluded everywhere (reference and spread)
            excl |= set(a.split('=',1)[1].split(','))
        if a.startswith('--refonly-exclude='):  # excluded from the reference median only (still in spread)
            ref_excl |= set(a.split('=',1)[1].split(','))
    sims = load(case)
    simids = sorted(sims)
    def val(sim, q, t):
        name, col, f, kind = q
        if f'{sim}:{name}' in excl or f'{sim}:{name}@{t:g}' in excl or f'{sim}:*' in excl: return None
        r = sims[sim].get(t)
        if r is None or col not in r: return None
        return float(r[col])*f
    ref = {t:{} for t in TIMES}; stats = {}
    for q in Q:
        name, col, f, kind = q
        st = {'sims': set(), 'ranges': [], 'ranges_wo': [], 'per_t': {}}
        for t in TIMES:
            vals = {s: val(s,q,t) for s in simids}; vals = {s:v for s,v in vals.items() if v is not None}
            st['sims'] |= set(vals)
            refvals = {s:v for s,v in vals.items() if f'{s}:{name}' not in ref_excl and f'{s}:*' not in ref_excl}
            if not refvals: ref[t][name] = None; continue
            if kind == 'ang':
                base = sorted(refvals.values())[len(refvals)//2]
                m = wrap(statistics.median([wrap(v-base) for v in refvals.values()]) + base)
                dev = {s: wrap(v-m) for s,v in vals.items()}
            else:
                m = statistics.median(refvals.values()); dev = {s: v-m for s,v in vals.items()}
            ref[t][name] = m
            rng = max(dev.values())-min(dev.values())
            far = max(dev, key=lambda s: abs(dev[s]))
            rest = [dev[s] for s in dev if s != far]
            rng_wo = (max(rest)-min(rest)) if rest else 0.0
            st['ranges'].append((rng,t)); st['ranges_wo'].append((rng_wo,t))
            st['per_t'][t] = dict(vals=vals, dev=dev, rng=rng, rng_wo=rng_wo, far=far, ref=m)
        stats[name] = st
    os.makedirs(out, exist_ok=True)
    with open(f'{out}/reference.csv','w') as fo:
        fo.write('t_s,'+','.join(q[0] for q in Q)+'\n')
        for t in TIMES:
            def fm(n,v):
                if v is None: return ''
                x=FMT[n]%v
                if x.startswith('-') and float(x)==0: x=x[1:]
                return x
            fo.write('%.1f,'%t + ','.join(fm(q[0],ref[t][q[0]]) for q in Q)+'\n')
    g = lambda x: '%.12g'%x
    with open(f'{out}/spread.csv','w') as fo:
        fo.write('quantity,sims_used,final_reference,final_min,final_max,final_range,final_range_without_farthest,farthest_sim_at_final,max_range_over_run,max_range_without_farthest_over_run,'+','.join('final_sim_%s'%s for s in ['01','02','03','04','05','06'])+'\n')
        summ = {}
        for q in Q:
            name = q[0]; st = stats[name]; pf = st['per_t'].get(30.0)
            if not pf: continue
            # sims used: full-coverage sims and partial ones
            cover = {s: sum(1 for t in TIMES if s in st['per_t'].get(t,{}).get('vals',{})) for s in st['sims']}
            used = ' '.join(s if cover[s]==61 else f'{s}(partial:{cover[s]}pts)' for s in sorted(st['sims']))
            vals = pf['vals']
            mx = max(st['ranges']); mxw = max(st['ranges_wo'])
            fo.write(','.join([name, used, g(pf['ref']), g(pf['ref']+min(pf['dev'].values())), g(pf['ref']+max(pf['dev'].values())),
               '%.4g'%pf['rng'], '%.4g'%pf['rng_wo'], pf['far'], '%.4g'%mx[0], '%.4g'%mxw[0]] +
               [g(vals[s]) if s in vals else '' for s in ['01','02','03','04','05','06']])+'\n')
            summ[name] = dict(sims_used=used, ref30=pf['ref'], range30=pf['rng'], range30_wo=pf['rng_wo'], farthest30=pf['far'],
               max_range=mx[0], max_range_t=mx[1], max_range_wo=mxw[0], max_range_wo_t=mxw[1],
               farthest_by_t={('%g'%t): st['per_t'][t]['far'] for t in st['per_t']},
               devs30={s: pf['dev'][s] for s in pf['dev']})
    json.dump(summ, open(f'{out}/../spread_summary_{case}.json' if False else f'/tmp/nesc-work/summary_{case}.json','w'), indent=1)
    # per-sim anomaly check: deviation relative to typical spread
    print('anomaly check (|dev| > 20x median spread among other sims at that t):')
    for q in Q:
        st = stats[q[0]]
        for t, pt in st['per_t'].items():
            devs = pt['dev']
            if len(devs) < 3: continue
            for s, d in devs.items():
                others = sorted(abs(v) for k,v in devs.items() if k!=s)
                typ = others[len(others)//2]
                if abs(d) > 20*typ + 1e-9*max(1,abs(pt['ref'])) and abs(d) > 1e-12:
                    print(f'  {q[0]} t={t} sim{s} dev={d:.4g} typical={typ:.3g}')
main()
